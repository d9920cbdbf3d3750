using System.Security.Cryptography;
using System.Xml.Linq;
using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ManageBooking.Security;

/// <summary>
/// Runs at start-up, under the start-up lock: seals every Data Protection key the database still holds in the clear (a
/// site from before the seal) or sealed with an older link key (after a rotation), so the ring opens with the current
/// link key alone. The key material itself does not change, so the cookies, tokens and queued emails it protected stay
/// readable.
/// </summary>
public static partial class DataProtectionKeyResealer
{
    /// <summary>Data Protection's own XML namespace, as it writes keys and their encrypted secrets.</summary>
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public static async Task<int> ResealAsync(ManageBookingDbContext db, DataProtectionKeySeal seal, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(seal);
        var resealed = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            var key = XElement.Parse(row.Xml);
            try
            {
                if (!Reseal(key, seal))
                {
                    continue;
                }
            }
            catch (CryptographicException)
            {
                // Another site's ring, or a link key no longer configured: this site cannot open it, and must not stop.
                LogForeignKey(logger, row.FriendlyName);
                continue;
            }

            row.Xml = key.ToString(SaveOptions.DisableFormatting);
            resealed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (resealed > 0)
        {
            LogResealed(logger, resealed);
        }

        return resealed;
    }

    private static bool Reseal(XElement key, DataProtectionKeySeal seal)
    {
        var changed = false;
        foreach (var secret in key.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList())
        {
            secret.ReplaceWith(Wrap(seal.Seal(secret)));
            changed = true;
        }

        foreach (var wrapper in key.Descendants(DataProtection + "encryptedSecret").ToList())
        {
            var sealedElement = wrapper.Elements().FirstOrDefault();
            var sealedWith = sealedElement is null ? null : DataProtectionKeySeal.SealKeyId(sealedElement);
            if (sealedWith is not null && sealedWith != seal.CurrentKeyId)
            {
                wrapper.ReplaceWith(Wrap(seal.Seal(seal.Open(sealedElement!))));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>The wrapper Data Protection writes around an encrypted secret, naming the type that opens it.</summary>
    private static XElement Wrap(XElement sealedElement)
        => new(DataProtection + "encryptedSecret", new XAttribute("decryptorType", typeof(LinkKeyXmlDecryptor).AssemblyQualifiedName!), sealedElement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed {Count} Data Protection key(s) with the current link key")]
    private static partial void LogResealed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key {FriendlyName} was sealed with a link key this site does not have: what it protected (sign-in cookies, antiforgery tokens, queued emails) cannot be opened here. Every node of a site needs the same ManageBooking:LinkKeys.")]
    private static partial void LogForeignKey(ILogger logger, string friendlyName);
}

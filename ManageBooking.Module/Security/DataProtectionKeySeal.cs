using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace ManageBooking.Security;

/// <summary>
/// Seals the secrets of the Data Protection key ring (which lives in the database) with a key derived by HKDF from the
/// link keys, which live outside it: a copy of the database alone then opens no sign-in cookie, antiforgery token or
/// queued email. AES-256-GCM with a fresh nonce per secret; each seal names the link key it was made with (by a one-way
/// id), so a ring sealed before a link key rotation still opens while the older key is configured, and the start-up
/// re-seals it with the current one. Every node that shares the link keys shares the ring: operators keep one secret.
/// </summary>
public sealed class DataProtectionKeySeal
{
    /// <summary>The namespace of the sealed element; part of what is stored, so it never changes.</summary>
    public static readonly XNamespace Namespace = "urn:managebooking:data-protection-seal:v1";

    private const string Purpose = "DataProtectionKeyRing";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly XName SealedName = Namespace + "sealed";

    /// <summary>The derived keys by id, the current one first.</summary>
    private readonly (string Id, byte[] Key)[] _keys;

    public DataProtectionKeySeal(LinkKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        _keys = [.. ring.DeriveKeys(Purpose).Select(key => (KeyId(key), key))];
    }

    /// <summary>The id of the link key new seals are made with.</summary>
    public string CurrentKeyId => _keys[0].Id;

    public XElement Seal(XElement secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var (id, key) = _keys[0];
        var plaintext = Encoding.UTF8.GetBytes(secret.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData(id));
        return new XElement(SealedName, new XAttribute("key", id), Convert.ToBase64String(sealedBytes));
    }

    /// <summary>Opens a seal made with any configured link key; a seal of another site's key cannot be opened.</summary>
    public XElement Open(XElement sealedElement)
    {
        ArgumentNullException.ThrowIfNull(sealedElement);
        if (sealedElement.Name != SealedName)
        {
            throw new CryptographicException($"Expected a {SealedName} element, found {sealedElement.Name}.");
        }

        var id = SealKeyId(sealedElement) ?? throw new CryptographicException("The sealed Data Protection key names no link key.");
        var key = _keys.FirstOrDefault(k => k.Id == id).Key ?? throw new CryptographicException(
            $"This Data Protection key was sealed with a link key this site does not have (key id {id}). A site that shares " +
            "the database must share ManageBooking:LinkKeys; after a rotation keep the older key as ManageBooking:LinkKeys:1 until every node restarted.");
        var sealedBytes = Convert.FromBase64String(sealedElement.Value);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed Data Protection key is truncated.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plaintext, AssociatedData(id));
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    /// <summary>Which link key sealed this element (null when it is not one of these seals).</summary>
    public static string? SealKeyId(XElement element)
        => element?.Name == SealedName ? element.Attribute("key")?.Value : null;

    /// <summary>A public name for a derived key: the first 8 bytes of its SHA-256, which reveal nothing of it.</summary>
    private static string KeyId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    /// <summary>Binds the ciphertext to this use and to the key id it names, so neither can be swapped.</summary>
    private static byte[] AssociatedData(string id) => Encoding.UTF8.GetBytes("ManageBooking.DataProtectionKeySeal.v1:" + id);
}

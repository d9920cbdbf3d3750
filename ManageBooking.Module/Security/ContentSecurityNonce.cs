using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Security;

/// <summary>
/// The per-response nonce the Content-Security-Policy names: the one inline style element (the theme's colours and the
/// owner's sanitised CSS) carries it, and nothing an attacker injects can guess it.
/// </summary>
public static class ContentSecurityNonce
{
    private static readonly object Key = new();

    /// <summary>This response's nonce, made on first use.</summary>
    public static string CspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(Key, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }
}

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

        // base64url: the same characters in the header and in the HTML attribute, which encodes '+' and '/'.
        nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }

    /// <summary>This response's nonce if something asked for one.</summary>
    public static string? CspNonceIfMade(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var existing) ? existing as string : null;
    }
}

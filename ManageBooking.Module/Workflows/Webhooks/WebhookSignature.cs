using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>
/// Signatures of the Standard Webhooks specification (standardwebhooks.com), so receivers verify with its published
/// libraries: <c>webhook-signature: v1,{base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"}</c>, keyed by the secret's
/// bytes. A secret is <c>whsec_</c> and base64 of 24 to 64 random bytes; a secret saved before (any other text) keeps
/// working as its UTF-8 bytes, which is what the libraries' raw-secret form takes, so no receiver has to change its key.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    private const int MinSecretBytes = 24;
    private const int MaxSecretBytes = 64;

    /// <summary>A new secret: 32 random bytes in the specification's whsec_ form.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key of a secret: a whsec_ secret's decoded bytes, any other secret's UTF-8 bytes.</summary>
    public static byte[] KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Decoded(secret) ?? Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>What an editor is told about a secret, or null when it may be saved (empty means one is made).</summary>
    public static string? Problem(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return Decoded(secret) is { Length: >= MinSecretBytes and <= MaxSecretBytes }
            ? null
            : $"A {SecretPrefix} secret is base64 of {MinSecretBytes} to {MaxSecretBytes} bytes; leave it empty to have one made.";
    }

    /// <summary>The webhook-signature header's value for one delivery attempt.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(body);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content));
    }

    private static byte[]? Decoded(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var text = secret[SecretPrefix.Length..];
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>HMAC-SHA256 of the exact body, hex, sent as "sha256=…" so receivers can check who sent it.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-ManageBooking-Signature";

    public static string Sign(string secret, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
    }

    public static bool Verify(string secret, string body, string? header)
        => header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}

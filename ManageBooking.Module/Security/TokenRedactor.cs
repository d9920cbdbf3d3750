using System.Text.RegularExpressions;

namespace ManageBooking.Security;

/// <summary>Removes manage tokens from text bound for logs: anything after a manage path, and any token-shaped word.</summary>
public static partial class TokenRedactor
{
    public const string Mask = "[redacted]";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 20)
        {
            return text;
        }

        var redacted = ManagePath().Replace(text, "$1" + Mask);
        return TokenShaped().Replace(redacted, Mask);
    }

    /// <summary>Any segment after /booking/manage/ or /api/manage/, whatever its shape: a mistyped token is still private.</summary>
    [GeneratedRegex(@"(/(?:booking|api)/manage/)[^/?#\s""'&]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ManagePath();

    /// <summary>43 base64url characters standing alone: how a token looks inside route values or query strings.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShaped();
}

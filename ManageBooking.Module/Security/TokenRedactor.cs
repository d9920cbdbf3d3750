using System.Text.RegularExpressions;

namespace ManageBooking.Security;

/// <summary>
/// Removes manage tokens and staff set-password links from text bound for logs: whatever follows /booking/manage/,
/// /api/manage/ or /admin/password/, written plainly,
/// percent-encoded (once or more, as in a ReturnUrl or any query value), JSON-escaped or HTML-encoded; and any
/// token-shaped word. It knows nothing of a token's inside, so a mistyped or future token is as private as a real one.
/// </summary>
public static partial class TokenRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>A slash as a URL may carry it: plain, percent-encoded once, twice or three times, JSON-escaped, HTML-encoded.</summary>
    private const string Slash = @"(?:/|%2F|%252F|%25252F|\\/|\\u002F|&\#x2F;|&\#47;)";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 20)
        {
            return text;
        }

        var redacted = ManagePath().Replace(Decoded(text), "$1" + Mask);
        return TokenShaped().Replace(redacted, Mask);
    }

    /// <summary>
    /// Text whose percent-encoding hides a manage path in some other way (each letter encoded, say) is logged decoded,
    /// so that the path rule finds it; any other text keeps its encoding.
    /// </summary>
    private static string Decoded(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal) || ManagePath().IsMatch(text))
        {
            return text;
        }

        var decoded = text;
        for (var round = 0; round < 4 && decoded.Contains('%', StringComparison.Ordinal); round++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
            if (ManagePath().IsMatch(decoded))
            {
                return decoded;
            }
        }

        return text;
    }

    /// <summary>
    /// Any segment after /booking/manage/, /api/manage/ or /admin/password/, whatever its shape, up to where a URL or a
    /// quoted value ends.
    /// </summary>
    [GeneratedRegex(@"(" + Slash + "(?:(?:booking|api)" + Slash + "manage|admin" + Slash + "password)" + Slash + @")[^/?#\s""'&<>\\]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ManagePath();

    /// <summary>
    /// 43 base64url characters standing alone (a manage token), or 80 and more (a set-password link's token): how tokens
    /// look inside route values or query strings.
    /// </summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{80,})(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex TokenShaped();
}

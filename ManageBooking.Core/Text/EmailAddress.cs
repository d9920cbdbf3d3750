using System.Globalization;

namespace ManageBooking.Text;

/// <summary>
/// One plain mailbox, local@domain, and nothing a mail library might read as more: no display name, no comment, no
/// spaces, no angle brackets or quotes, no second address. "a b@example.com" would otherwise send to b@example.com.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        return IsLocalPart(text[..at]) && IsDomain(text[(at + 1)..]);
    }

    /// <summary>RFC 5322 dot-atom (letters of any script allowed, as RFC 6531 does), without quoted forms.</summary>
    private static bool IsLocalPart(string local)
        => local.Split('.').All(atom => atom.Length > 0 && atom.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~-".Contains(c, StringComparison.Ordinal) || (c > 0x7F && char.IsLetterOrDigit(c))));

    /// <summary>A host name of two labels or more, letters of any script through IDNA, and a top-level label that is not all digits.</summary>
    private static bool IsDomain(string domain)
    {
        if (domain.Length == 0 || domain.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
    }
}

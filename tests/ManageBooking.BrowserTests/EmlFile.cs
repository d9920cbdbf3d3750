using System.Text;
using System.Text.RegularExpressions;

namespace ManageBooking.BrowserTests;

/// <summary>Reads the HTML part of an .eml written by the pickup directory sender (base64, UTF-8).</summary>
internal static partial class EmlFile
{
    public static string Html(string path)
    {
        var text = File.ReadAllText(path);
        var match = HtmlPart().Match(text);
        if (!match.Success)
        {
            throw new InvalidOperationException("No HTML part in " + path);
        }

        return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(match.Groups["body"].Value.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries))));
    }

    [GeneratedRegex(@"Content-Type: text/html; charset=utf-8\r?\nContent-Transfer-Encoding: base64\r?\n\r?\n(?<body>[A-Za-z0-9+/=\r\n]+?)\r?\n--", RegexOptions.Singleline)]
    private static partial Regex HtmlPart();
}

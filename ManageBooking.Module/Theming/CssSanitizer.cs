using System.Text;
using System.Text.RegularExpressions;

namespace ManageBooking.Theming;

/// <summary>
/// Makes an editor's extra CSS unable to reach another host or run code: no @import (or any at-rule but the layout
/// ones), no url() or image-set() address except this site's own and data: images, no expression(), no behavior or
/// -moz-binding. Attribute selectors that read a manage link then have nowhere to send it. The CSP's img-src, font-src
/// and style-src say the same to the browser, in case this ever misses something.
/// </summary>
public static partial class CssSanitizer
{
    private static readonly HashSet<string> AllowedAtRules = new(StringComparer.OrdinalIgnoreCase)
    {
        "media", "supports", "container", "layer", "keyframes", "-webkit-keyframes", "font-face", "page",
        "font-feature-values", "counter-style", "property", "scope", "starting-style",
    };

    /// <summary>Functions whose quoted arguments are addresses the browser fetches.</summary>
    private static readonly HashSet<string> AddressFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "url", "src", "image", "image-set", "-webkit-image-set", "cross-fade", "-webkit-cross-fade",
    };

    /// <summary>Old Internet Explorer and Firefox ways of running script from a style sheet.</summary>
    private static readonly HashSet<string> ScriptProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "behavior", "behaviour", "-ms-behavior", "-moz-binding", "-webkit-binding",
    };

    /// <summary>The sheet with everything unsafe removed, and one sentence per removal (empty when the sheet was safe).</summary>
    public static (string Css, IReadOnlyList<string> Problems) Sanitize(string? css, Uri siteAddress)
    {
        ArgumentNullException.ThrowIfNull(siteAddress);
        if (string.IsNullOrEmpty(css))
        {
            return ("", []);
        }

        var tokens = CssTokenizer.Tokenize(css);
        var removals = new List<(int Start, int End, string Replacement)>();
        var problems = new List<string>();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case CssTokenKind.AtKeyword when !AllowedAtRules.Contains(token.Value):
                {
                    var end = EndOfAtRule(tokens, i);
                    removals.Add((token.Start, tokens[end].End, ""));
                    problems.Add($"@{token.Value.ToLowerInvariant()} is not allowed.");
                    i = end + 1;
                    continue;
                }

                case CssTokenKind.Url when !IsAllowedAddress(token.Value, siteAddress):
                    removals.Add((token.Start, token.End, "none"));
                    problems.Add(AddressProblem(token.Value));
                    break;

                case CssTokenKind.BadUrl:
                    removals.Add((token.Start, token.End, "none"));
                    problems.Add("A url() could not be read.");
                    break;

                case CssTokenKind.Function when token.Value.EndsWith("expression", StringComparison.OrdinalIgnoreCase):
                {
                    var close = MatchingClose(tokens, i);
                    removals.Add((token.Start, tokens[close].End, "none"));
                    problems.Add("expression() is not allowed.");
                    i = close + 1;
                    continue;
                }

                case CssTokenKind.Function when AddressFunctions.Contains(token.Value):
                {
                    var close = MatchingClose(tokens, i);
                    var refused = tokens.Skip(i + 1).Take(close - i)
                        .FirstOrDefault(t => t.Kind is CssTokenKind.String or CssTokenKind.Url or CssTokenKind.BadUrl
                            && (t.Kind == CssTokenKind.BadUrl || !IsAllowedAddress(t.Value, siteAddress)));
                    if (refused != default)
                    {
                        removals.Add((token.Start, tokens[close].End, "none"));
                        problems.Add(AddressProblem(refused.Value));
                        i = close + 1;
                        continue;
                    }

                    break;
                }

                case CssTokenKind.Ident when ScriptProperties.Contains(token.Value) && NextMeaningful(tokens, i + 1) is { } colon && tokens[colon].Kind == CssTokenKind.Colon:
                {
                    var end = EndOfDeclaration(tokens, i);
                    removals.Add((token.Start, end < tokens.Count ? tokens[end].End : css.Length, ""));
                    problems.Add($"{token.Value.ToLowerInvariant()} is not allowed.");
                    i = end + 1;
                    continue;
                }
            }

            i++;
        }

        return (Apply(css, removals), problems);
    }

    /// <summary>
    /// This site's own addresses (relative, or absolute on the site's origin) and data: images; nothing protocol-relative,
    /// nothing on another host, no other scheme. Tabs and newlines go first, as a browser's URL parser drops them.
    /// </summary>
    public static bool IsAllowedAddress(string address, Uri siteAddress)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(siteAddress);
        var url = address.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Trim(' ', '\f', '\0');
        if (url.Any(c => char.IsControl(c)))
        {
            return false;
        }

        if (url.Length == 0)
        {
            return true;
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return DataImage().IsMatch(url);
        }

        if (url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('\\') || url.StartsWith("/\\", StringComparison.Ordinal))
        {
            return false;
        }

        if (Scheme().IsMatch(url))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var absolute)
                && string.Equals(absolute.GetLeftPart(UriPartial.Authority), siteAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }

    private static string AddressProblem(string address)
    {
        var shown = address.Length > 60 ? address[..60] + "…" : address;
        return $"url({shown}) is not allowed: use an address on this site or a data: image.";
    }

    private static string Apply(string css, List<(int Start, int End, string Replacement)> removals)
    {
        if (removals.Count == 0)
        {
            return css;
        }

        var result = new StringBuilder(css.Length);
        var position = 0;
        foreach (var (start, end, replacement) in removals.OrderBy(r => r.Start))
        {
            if (start < position)
            {
                continue;
            }

            result.Append(css, position, start - position).Append(replacement);
            position = end;
        }

        return result.Append(css, position, css.Length - position).ToString();
    }

    /// <summary>The index of the token that ends the at-rule starting at <paramref name="start"/>: its ';' or its block's '}'.</summary>
    private static int EndOfAtRule(List<CssToken> tokens, int start)
    {
        var depth = 0;
        for (var i = start + 1; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case CssTokenKind.OpenParen or CssTokenKind.OpenBracket or CssTokenKind.Function or CssTokenKind.OpenBrace:
                    depth++;
                    break;
                case CssTokenKind.CloseParen or CssTokenKind.CloseBracket:
                    depth = Math.Max(0, depth - 1);
                    break;
                case CssTokenKind.CloseBrace:
                    if (--depth <= 0)
                    {
                        return i;
                    }

                    break;
                case CssTokenKind.Semicolon when depth == 0:
                    return i;
            }
        }

        return tokens.Count - 1;
    }

    /// <summary>The ')' closing the function or parenthesis at <paramref name="open"/>, or the last token.</summary>
    private static int MatchingClose(List<CssToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case CssTokenKind.OpenParen or CssTokenKind.Function:
                    depth++;
                    break;
                case CssTokenKind.CloseParen:
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return tokens.Count - 1;
    }

    /// <summary>The ';' ending the declaration at <paramref name="start"/>, or the token before the '}' closing its block.</summary>
    private static int EndOfDeclaration(List<CssToken> tokens, int start)
    {
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case CssTokenKind.OpenParen or CssTokenKind.OpenBracket or CssTokenKind.Function or CssTokenKind.OpenBrace:
                    depth++;
                    break;
                case CssTokenKind.CloseParen or CssTokenKind.CloseBracket:
                    depth = Math.Max(0, depth - 1);
                    break;
                case CssTokenKind.CloseBrace:
                    if (depth == 0)
                    {
                        return i - 1;
                    }

                    depth--;
                    break;
                case CssTokenKind.Semicolon when depth == 0:
                    return i;
            }
        }

        return tokens.Count - 1;
    }

    private static int? NextMeaningful(List<CssToken> tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (CssTokenKind.Whitespace or CssTokenKind.Comment))
            {
                return i;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^data:image/(png|gif|jpeg|webp|avif|svg\+xml)[;,]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DataImage();

    [GeneratedRegex(@"^[a-z][a-z0-9+.\-]*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}

using System.Globalization;
using System.Text;

namespace ManageBooking.Theming;

/// <summary>
/// Splits CSS into tokens the way a browser does (CSS Syntax Level 3), escapes included: "@\69mport" is @import and
/// "u\72l(" is url(, so the sanitiser judges what the browser will see, not what the text looks like.
/// </summary>
internal static class CssTokenizer
{
    public static List<CssToken> Tokenize(string css)
    {
        var tokens = new List<CssToken>();
        var i = 0;
        while (i < css.Length)
        {
            var start = i;
            var c = css[i];
            if (c == '/' && At(css, i + 1) == '*')
            {
                var close = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? css.Length : close + 2;
                tokens.Add(new CssToken(CssTokenKind.Comment, start, i, ""));
            }
            else if (IsWhitespace(c))
            {
                while (i < css.Length && IsWhitespace(css[i]))
                {
                    i++;
                }

                tokens.Add(new CssToken(CssTokenKind.Whitespace, start, i, " "));
            }
            else if (c is '"' or '\'')
            {
                var value = ReadString(css, ref i);
                tokens.Add(new CssToken(CssTokenKind.String, start, i, value));
            }
            else if (c == '@' && StartsIdent(css, i + 1))
            {
                i++;
                var name = ReadName(css, ref i);
                tokens.Add(new CssToken(CssTokenKind.AtKeyword, start, i, name));
            }
            else if (StartsIdent(css, i))
            {
                var name = ReadName(css, ref i);
                if (At(css, i) == '(')
                {
                    i++;
                    if (string.Equals(name, "url", StringComparison.OrdinalIgnoreCase) && !QuotedArgumentFollows(css, i))
                    {
                        tokens.Add(ReadUrl(css, start, ref i));
                    }
                    else
                    {
                        tokens.Add(new CssToken(CssTokenKind.Function, start, i, name));
                    }
                }
                else
                {
                    tokens.Add(new CssToken(CssTokenKind.Ident, start, i, name));
                }
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(css, i + 1))))
            {
                while (i < css.Length && (char.IsAsciiDigit(css[i]) || css[i] == '.'))
                {
                    i++;
                }

                if (StartsIdent(css, i) || At(css, i) == '%')
                {
                    if (css[i] == '%')
                    {
                        i++;
                    }
                    else
                    {
                        ReadName(css, ref i);
                    }
                }

                tokens.Add(new CssToken(CssTokenKind.Other, start, i, css[start..i]));
            }
            else
            {
                i++;
                var kind = c switch
                {
                    ':' => CssTokenKind.Colon,
                    ';' => CssTokenKind.Semicolon,
                    '(' => CssTokenKind.OpenParen,
                    ')' => CssTokenKind.CloseParen,
                    '[' => CssTokenKind.OpenBracket,
                    ']' => CssTokenKind.CloseBracket,
                    '{' => CssTokenKind.OpenBrace,
                    '}' => CssTokenKind.CloseBrace,
                    _ => CssTokenKind.Other,
                };
                if (c == '\\')
                {
                    // A backslash that starts no escape (one before a newline) stands alone, as in a browser.
                    kind = CssTokenKind.Other;
                }

                tokens.Add(new CssToken(kind, start, i, c.ToString()));
            }
        }

        return tokens;
    }

    private static char At(string css, int index) => index < css.Length ? css[index] : '\0';

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= 0x80;

    private static bool IsName(char c) => IsNameStart(c) || char.IsAsciiDigit(c) || c == '-';

    private static bool IsValidEscape(string css, int index) => At(css, index) == '\\' && index + 1 < css.Length && css[index + 1] is not ('\n' or '\r' or '\f');

    private static bool StartsIdent(string css, int index)
    {
        var c = At(css, index);
        if (c == '-')
        {
            var next = At(css, index + 1);
            return IsNameStart(next) || next == '-' || IsValidEscape(css, index + 1);
        }

        return IsNameStart(c) || IsValidEscape(css, index);
    }

    private static string ReadName(string css, ref int i)
    {
        var name = new StringBuilder();
        while (i < css.Length)
        {
            if (IsName(css[i]))
            {
                name.Append(css[i++]);
            }
            else if (IsValidEscape(css, i))
            {
                name.Append(ReadEscape(css, ref i));
            }
            else
            {
                break;
            }
        }

        return name.ToString();
    }

    /// <summary>Reads the escape at <paramref name="i"/> (a backslash) and returns the character it stands for.</summary>
    private static string ReadEscape(string css, ref int i)
    {
        i++; // the backslash
        if (i >= css.Length)
        {
            return "\uFFFD";
        }

        var hexStart = i;
        while (i < css.Length && i - hexStart < 6 && char.IsAsciiHexDigit(css[i]))
        {
            i++;
        }

        if (i == hexStart)
        {
            return css[i++].ToString();
        }

        var code = int.Parse(css.AsSpan(hexStart, i - hexStart), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (i < css.Length && IsWhitespace(css[i]))
        {
            i += css[i] == '\r' && At(css, i + 1) == '\n' ? 2 : 1;
        }

        return code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(code);
    }

    private static string ReadString(string css, ref int i)
    {
        var quote = css[i++];
        var value = new StringBuilder();
        while (i < css.Length && css[i] != quote)
        {
            if (css[i] is '\n' or '\r' or '\f')
            {
                // A newline ends a string early (a bad string); the browser drops the declaration.
                return value.ToString();
            }

            if (css[i] == '\\')
            {
                if (i + 1 < css.Length && css[i + 1] is '\n' or '\r' or '\f')
                {
                    i += 2;
                    continue;
                }

                value.Append(ReadEscape(css, ref i));
                continue;
            }

            value.Append(css[i++]);
        }

        if (i < css.Length)
        {
            i++; // the closing quote
        }

        return value.ToString();
    }

    private static bool QuotedArgumentFollows(string css, int i)
    {
        while (i < css.Length && IsWhitespace(css[i]))
        {
            i++;
        }

        return At(css, i) is '"' or '\'';
    }

    /// <summary>An unquoted url( … ): its address, or a bad URL the browser ignores (which is dropped all the same).</summary>
    private static CssToken ReadUrl(string css, int start, ref int i)
    {
        while (i < css.Length && IsWhitespace(css[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        while (i < css.Length)
        {
            var c = css[i];
            if (c == ')')
            {
                i++;
                return new CssToken(CssTokenKind.Url, start, i, value.ToString());
            }

            if (IsWhitespace(c))
            {
                while (i < css.Length && IsWhitespace(css[i]))
                {
                    i++;
                }

                if (At(css, i) == ')' || i >= css.Length)
                {
                    i = Math.Min(i + 1, css.Length);
                    return new CssToken(CssTokenKind.Url, start, i, value.ToString());
                }

                return SkipBadUrl(css, start, ref i);
            }

            if (c is '"' or '\'' or '(' || char.IsControl(c))
            {
                return SkipBadUrl(css, start, ref i);
            }

            if (c == '\\')
            {
                if (!IsValidEscape(css, i))
                {
                    return SkipBadUrl(css, start, ref i);
                }

                value.Append(ReadEscape(css, ref i));
                continue;
            }

            value.Append(c);
            i++;
        }

        return new CssToken(CssTokenKind.Url, start, i, value.ToString());
    }

    private static CssToken SkipBadUrl(string css, int start, ref int i)
    {
        while (i < css.Length && css[i] != ')')
        {
            i += IsValidEscape(css, i) ? 2 : 1;
        }

        i = Math.Min(i + 1, css.Length);
        return new CssToken(CssTokenKind.BadUrl, start, i, "");
    }
}

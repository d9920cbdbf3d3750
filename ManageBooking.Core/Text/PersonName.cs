using System.Globalization;
using System.Text;

namespace ManageBooking.Text;

/// <summary>
/// A name as people type it, without what only hides or reorders text: control characters, bidirectional overrides
/// and isolates, zero-width and other invisible format characters, unpaired surrogates and replacement characters. Letters and marks of every
/// script stay, and so do the joiners that some scripts and emoji need between two visible characters.
/// </summary>
public static class PersonName
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
                continue;
            }

            // Half an emoji, or the replacement character a decoder wrote for one, is no part of a name.
            if (char.IsSurrogate(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                // Tabs, newlines and every kind of space become one plain space.
                kept.Append(' ');
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                if (c is '\u200C' or '\u200D' && IsVisible(text, i - 1) && IsVisible(text, i + 1))
                {
                    kept.Append(c);
                }

                continue;
            }

            kept.Append(c);
        }

        var collapsed = string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.IsNormalized(NormalizationForm.FormC) ? collapsed : collapsed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>A letter, mark, digit, symbol or punctuation at <paramref name="index"/>: something a joiner may join.</summary>
    private static bool IsVisible(string text, int index)
    {
        if (index < 0 || index >= text.Length)
        {
            return false;
        }

        var c = text[index];
        if (char.IsSurrogate(c))
        {
            // Either half of an emoji's pair counts as the emoji, when the pair is whole.
            var start = char.IsLowSurrogate(c) ? index - 1 : index;
            return start >= 0 && start + 1 < text.Length && char.IsSurrogatePair(text[start], text[start + 1]);
        }

        return !char.IsWhiteSpace(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format;
    }
}

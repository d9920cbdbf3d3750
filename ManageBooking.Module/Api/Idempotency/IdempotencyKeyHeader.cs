namespace ManageBooking.Api.Idempotency;

/// <summary>
/// Reads the Idempotency-Key header (IETF draft "The Idempotency-Key HTTP Header Field"): a Structured Field String,
/// <c>"8e03978e-40d5-43e8-bc93-6894a57f9324"</c>. The bare form most clients send (<c>8e03978e-…</c>) names the same key.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    public const int MaxLength = 255;

    /// <summary>The key, or null when the value is not one (empty, too long, control characters, a broken string).</summary>
    public static string? Parse(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text[0] == '"')
        {
            text = UnquoteString(text);
        }
        else if (text.Any(c => c is '"' or '\\' or ' '))
        {
            return null;
        }

        return text is { Length: > 0 and <= MaxLength } && text.All(c => c is >= ' ' and <= '~') ? text : null;
    }

    /// <summary>An sf-string (RFC 8941 section 3.3.3): quotes around printable ASCII, with \" and \\ as its only escapes.</summary>
    private static string? UnquoteString(string text)
    {
        var key = new System.Text.StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i == text.Length - 1 ? key.ToString() : null;
            }

            if (c == '\\')
            {
                if (++i == text.Length || text[i] is not ('"' or '\\'))
                {
                    return null;
                }

                c = text[i];
            }

            key.Append(c);
        }

        return null;
    }
}

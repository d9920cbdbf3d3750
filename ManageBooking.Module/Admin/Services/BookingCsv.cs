using System.Globalization;
using System.Text;

namespace ManageBooking.Admin.Services;

/// <summary>
/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A value a spreadsheet would run as a
/// formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so a customer's name
/// never becomes active content in the owner's spreadsheet.
/// </summary>
public static class BookingCsv
{
    public static void Append(StringBuilder line, string? value)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 0)
        {
            line.Append(',');
        }

        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            line.Append(text);
        }
    }

    /// <summary>A moment as the page's local time with its zone, ISO-like, for sorting in a spreadsheet.</summary>
    public static string Local(DateTime utc, NodaTime.DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}

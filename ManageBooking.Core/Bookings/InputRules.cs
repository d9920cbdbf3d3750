using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Bookings;

/// <summary>Parsing and checks shared by every entry point that takes text from a customer or client.</summary>
public static class InputRules
{
    /// <summary>The first date any input may name: before it, arithmetic with zones and offsets nears what .NET represents.</summary>
    public static readonly LocalDate EarliestDate = new(1900, 1, 1);

    /// <summary>The last date any input may name; a page's horizon ends long before it.</summary>
    public static readonly LocalDate LatestDate = new(2999, 12, 31);

    /// <summary>The range a date input must fall in, as a sentence for error messages.</summary>
    public static readonly string DateRangeText = $"between {LocalDatePattern.Iso.Format(EarliestDate)} and {LocalDatePattern.Iso.Format(LatestDate)}";

    /// <summary>One plain address (see <see cref="Text.EmailAddress"/>), short enough to store.</summary>
    public static bool IsEmail(string? text)
        => text is not null && text.Length <= Models.Booking.EmailMaxLength && Text.EmailAddress.IsValid(text);

    /// <summary>
    /// An ISO 8601 date-time with an offset (or Z), within <see cref="EarliestDate"/> and <see cref="LatestDate"/>; a
    /// local time without an offset is ambiguous and refused.
    /// </summary>
    public static Instant? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var result = OffsetDateTimePattern.ExtendedIso.Parse(text.Trim());
        return result.Success && result.Value.LocalDateTime.Date >= EarliestDate && result.Value.LocalDateTime.Date <= LatestDate
            ? result.Value.ToInstant()
            : null;
    }

    /// <summary>An ISO 8601 calendar date (yyyy-MM-dd), any the calendar has: an answer may be a date of birth in year 1.</summary>
    public static LocalDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : null;
    }

    /// <summary>
    /// A date to show slots or a calendar from: ISO 8601, within <see cref="EarliestDate"/> and <see cref="LatestDate"/>,
    /// so that adding a week or a zone's offset to it never leaves what NodaTime and .NET represent.
    /// </summary>
    public static LocalDate? ParseScheduleDate(string? text)
        => ParseDate(text) is { } date && date >= EarliestDate && date <= LatestDate ? date : null;

    /// <summary>
    /// A phone number as people write it (digits, spaces, brackets, dots, dashes or slashes, a leading +) with 5 to 17
    /// digits, spaces collapsed; null when it is not one.
    /// </summary>
    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        var phone = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var digits = phone.Count(char.IsAsciiDigit);
        var wellFormed = phone.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '.' or '-' or '/' || (c == '+' && i == 0)).All(ok => ok);
        return wellFormed && digits is >= 5 and <= 17 ? phone : null;
    }

    /// <summary>Trims a reason and turns blank into null.</summary>
    public static string? NormalizeReason(string? reason)
        => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}

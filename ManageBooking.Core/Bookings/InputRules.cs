using System.Net.Mail;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Bookings;

/// <summary>Parsing and checks shared by every entry point that takes text from a customer or client.</summary>
public static class InputRules
{
    public static bool IsEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > Models.Booking.EmailMaxLength)
        {
            return false;
        }

        // MailAddress also accepts "Name <a@b>" and bare local names; a booking needs a plain address with a domain.
        return MailAddress.TryCreate(text, out var address)
            && address.Address == text
            && address.Host.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>An ISO 8601 date-time with an offset (or Z); a local time without one is ambiguous and refused.</summary>
    public static Instant? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var result = OffsetDateTimePattern.ExtendedIso.Parse(text.Trim());
        return result.Success ? result.Value.ToInstant() : null;
    }

    /// <summary>An ISO 8601 calendar date (yyyy-MM-dd).</summary>
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

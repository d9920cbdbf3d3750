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

    public static DateTimeZone? ParseZone(string? id)
        => string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

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

    /// <summary>Trims a reason and turns blank into null.</summary>
    public static string? NormalizeReason(string? reason)
        => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}

using ManageBooking.Models;
using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>
/// The one reader of IANA zone ids. Ids come from people and from rows written by older versions, so a zone that
/// cannot be found reads as the next choice given, and UTC when there is none, rather than failing a page.
/// </summary>
public static class Zones
{
    /// <summary>The zone of an IANA id ("Europe/Paris"), or null when the text names none.</summary>
    public static DateTimeZone? Find(string? id)
        => string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());

    /// <summary>The first of the ids that names a zone, else UTC.</summary>
    public static DateTimeZone FirstOrUtc(params string?[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Select(Find).FirstOrDefault(z => z is not null) ?? DateTimeZone.Utc;
    }

    /// <summary>The zone a page's hours are read in.</summary>
    public static DateTimeZone Of(BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FirstOrUtc(page.TimeZoneId);
    }

    /// <summary>The zone the customer booked in, for their emails and pages.</summary>
    public static DateTimeZone OfCustomer(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return FirstOrUtc(booking.CustomerTimeZoneId);
    }
}

using ManageBooking.Calendars;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Policies;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>
/// A booking's sessions still to come as calendar entries for the customer: the .ics download and the Google and Outlook
/// links of the confirmation and manage pages. The UID is the session's lineage, as in the emailed invitations, so a
/// calendar that has both keeps one entry.
/// </summary>
public sealed class CalendarEntries(LocationText locations, IStringLocalizer<SharedText> text)
{
    public IReadOnlyList<CalendarEvent> Upcoming(Booking booking, BookingPage page, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        var location = BookingLocation.Of(booking, page);
        var where = location is null ? null
            : location.Kind == LocationKind.Video ? location.Value
            : locations.Describe(location, page.OwnerName, booked: true).Text;
        return [.. ManagePolicy.CurrentSessions(booking)
            .Where(s => s.Status == SessionStatus.Scheduled && Instant.FromDateTimeUtc(s.EndUtc) > now)
            .Select(s => new CalendarEvent(
                CalendarEvent.UidOf(s.LineageId),
                s.Sequence,
                Instant.FromDateTimeUtc(s.StartUtc),
                Instant.FromDateTimeUtc(s.EndUtc),
                text["{0} with {1}", page.Title, page.OwnerName],
                text["Booking {0}", booking.Reference],
                null,
                where,
                booking.Status == BookingStatus.Pending,
                Cancelled: false))];
    }
}

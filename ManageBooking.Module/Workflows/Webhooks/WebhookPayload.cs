using System.Text.Json;
using ManageBooking.Calendars;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Policies;
using ManageBooking.Workflows.Notifications;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>
/// A webhook's JSON body in the Standard Webhooks shape: <c>type</c> ("booking.confirmed"), <c>timestamp</c> (when the
/// change happened) and <c>data</c>. Each session carries its current <c>id</c>, which a reschedule replaces, and its
/// <c>lineageId</c> and <c>calendarUid</c>, which stay for the session's whole life and match the calendar entries' UID.
/// </summary>
public static class WebhookPayload
{
    /// <summary>The event's type as receivers match it: "booking." and the event in snake case.</summary>
    public static string TypeOf(BookingEvent bookingEvent) => "booking." + JsonNamingPolicy.SnakeCaseLower.ConvertName(bookingEvent.ToString());

    public static string Serialize(TaskDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var booking = delivery.Booking;
        var change = delivery.Change;
        var sessions = change?.Sessions.Select(Session)
            ?? ManagePolicy.CurrentSessions(booking).Where(s => s.LineageId == delivery.Message.SessionLineageId).Select(s => Session(SessionFact.Of(s)));
        var body = new
        {
            type = TypeOf(delivery.Event),
            timestamp = DateTime.SpecifyKind(delivery.Message.CreatedUtc, DateTimeKind.Utc),
            data = new
            {
                @event = delivery.Event.ToString(),
                reference = booking.Reference,
                status = booking.Status.ToString(),
                page = new { slug = delivery.Page.Slug, title = delivery.Page.Title },
                customer = new { name = booking.CustomerName, email = booking.CustomerEmail },
                sessions = sessions.ToList(),
                moves = change?.Moves.Select(m => new { from = new { id = m.From.SessionId, start = m.From.StartUtc, end = m.From.EndUtc }, to = Session(m.To) }).ToList(),
                partial = change?.Partial,
                reason = change?.Reason,
                actor = change?.Actor.ToString(),
                culture = booking.Culture,
            },
        };
        return JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
    }

    private static object Session(SessionFact fact) => new
    {
        id = fact.SessionId,
        lineageId = fact.LineageId,
        calendarUid = CalendarEvent.UidOf(fact.LineageId),
        start = DateTime.SpecifyKind(fact.StartUtc, DateTimeKind.Utc),
        end = DateTime.SpecifyKind(fact.EndUtc, DateTimeKind.Utc),
        status = fact.Cancelled ? nameof(SessionStatus.Cancelled) : nameof(SessionStatus.Scheduled),
    };
}

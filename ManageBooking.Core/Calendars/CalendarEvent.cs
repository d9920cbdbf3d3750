using NodaTime;

namespace ManageBooking.Calendars;

/// <summary>One session as a calendar entry. The UID stays the same for the session's whole life; SEQUENCE grows.</summary>
/// <param name="Location">The address, phone number, video URL or text of where it takes place (iCalendar LOCATION).</param>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    Instant Start,
    Instant End,
    string Summary,
    string? Description,
    string? Url,
    bool Tentative,
    bool Cancelled,
    string? Location = null);

using NodaTime;

namespace ManageBooking.Calendars;

/// <summary>A calendar file: its method, who organises, who attends (none for a published download), and the entries.</summary>
public sealed record CalendarInvite(
    CalendarMethod Method,
    string OrganizerEmail,
    string OrganizerName,
    string? AttendeeEmail,
    string? AttendeeName,
    Instant Stamp,
    IReadOnlyList<CalendarEvent> Events);

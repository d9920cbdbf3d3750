using NodaTime;

namespace ManageBooking.Calendars;

/// <summary>
/// A calendar attachment: its method, who organises, who attends, and the entries. An attendee's copy is an iTIP
/// REQUEST or CANCEL (RFC 5546) naming them; a copy for someone who only needs to know (the owner, a stakeholder) is a
/// PUBLISH without attendees, so no calendar asks them to answer an invitation they cannot answer.
/// </summary>
public sealed record CalendarInvite(
    CalendarMethod Method,
    CalendarParty Organizer,
    CalendarParty? Attendee,
    Instant Stamp,
    IReadOnlyList<CalendarEvent> Events)
{
    /// <summary>The method for one recipient: the attendee gets REQUEST or CANCEL; everyone else PUBLISH.</summary>
    public static CalendarMethod MethodFor(bool isAttendee, bool cancelled)
        => !isAttendee ? CalendarMethod.Publish : cancelled ? CalendarMethod.Cancel : CalendarMethod.Request;
}

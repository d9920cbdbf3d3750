namespace ManageBooking.Models;

/// <summary>One sitting of a booking; a package has several.</summary>
public sealed class BookingSession
{
    // Time-ordered (UUIDv7), for the indexes, not as a time: a new row lands next to the last one in its key's index and
    // in every index led by this id, instead of on a random page of each, so a transaction of many writes touches few pages.
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BookingId { get; set; }

    /// <summary>Copied from the page so that overlap checks read one table.</summary>
    public Guid CalendarId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>Start minus the page's buffer before: the calendar is held from here.</summary>
    public DateTime BlockedStartUtc { get; set; }

    /// <summary>End plus the page's buffer after: the calendar is held until here.</summary>
    public DateTime BlockedEndUtc { get; set; }

    public SessionStatus Status { get; set; } = SessionStatus.Scheduled;

    /// <summary>The session this one replaced when it was rescheduled.</summary>
    public Guid? ReplacesSessionId { get; set; }

    /// <summary>
    /// Shared by a session and every session that replaced it: the calendar entry's identity (iCalendar UID) for the
    /// booking's whole life.
    /// </summary>
    public Guid LineageId { get; set; }

    /// <summary>True when a reschedule moved this session to a new one; replaced sessions are history, not current.</summary>
    public bool IsReplaced { get; set; }

    /// <summary>Raised on every change so calendar clients replace their copy (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }

    public DateTime? CancelledUtc { get; set; }

    /// <summary>Whether the customer came, once the session has started and staff said so; null until then.</summary>
    public Attendance? Attendance { get; set; }
}

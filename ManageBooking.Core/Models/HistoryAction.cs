namespace ManageBooking.Models;

/// <summary>What happened to a booking in one history entry.</summary>
public enum HistoryAction
{
    Requested,
    Confirmed,
    Approved,
    Declined,
    Rescheduled,
    Cancelled,
    LinkRegenerated,
    AnswerCorrected,
    LocationChanged,
    RescheduleRequested,
    MarkedAttended,
    MarkedNoShow,

    /// <summary>Staff took back an attended or no-show mark.</summary>
    AttendanceCleared,
}

namespace ManageBooking.Models.Notifications;

/// <summary>What happened to a booking, as workflow rules listen for it.</summary>
public enum BookingEvent
{
    Requested,
    Confirmed,
    Approved,
    Declined,
    Rescheduled,
    Cancelled,
    ReminderDue,
}

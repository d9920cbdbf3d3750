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

    /// <summary>Staff asked the customer to pick a new time; the booking stands until they do.</summary>
    RescheduleRequested,
}

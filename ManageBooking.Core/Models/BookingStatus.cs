namespace ManageBooking.Models;

/// <summary>The life-cycle state of a booking; "upcoming" and "past" are filters on time, not states.</summary>
public enum BookingStatus
{
    Pending,
    Confirmed,
    Rescheduled,
    Cancelled,
    Declined,
}

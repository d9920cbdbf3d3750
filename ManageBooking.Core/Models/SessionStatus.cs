namespace ManageBooking.Models;

/// <summary>The state of one session of a booking.</summary>
public enum SessionStatus
{
    Scheduled,
    Cancelled,
}

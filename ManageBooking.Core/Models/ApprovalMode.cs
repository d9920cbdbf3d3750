namespace ManageBooking.Models;

/// <summary>Whether a new booking is confirmed at once or waits for the owner's approval.</summary>
public enum ApprovalMode
{
    Automatic,
    Manual,
}

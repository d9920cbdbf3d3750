namespace ManageBooking.BookingPages.ViewModels;

/// <summary>What the result page confirms.</summary>
public enum ManageResult
{
    Kept,
    Cancelled,
    Rescheduled,
}

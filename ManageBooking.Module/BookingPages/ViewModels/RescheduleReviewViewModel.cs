namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The summary before a reschedule is confirmed: from when, to when, and the reason if asked.</summary>
public sealed class RescheduleReviewViewModel
{
    public required ManageViewModel Booking { get; init; }

    public required ManageSessionLine Session { get; init; }

    public required string Start { get; init; }

    public required string NewWhen { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}

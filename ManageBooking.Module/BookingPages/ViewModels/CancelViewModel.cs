namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The confirm step of a cancellation, with the sessions chosen and the reason typed so far.</summary>
public sealed class CancelViewModel
{
    public required ManageViewModel Booking { get; init; }

    public IReadOnlyCollection<Guid> Selected { get; init; } = [];

    public string? Reason { get; init; }

    public string? Message { get; init; }
}

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The Reschedule tab of a package: tick the sessions to move; their new times are chosen one after another.</summary>
public sealed class RescheduleChooseViewModel
{
    public required ManageViewModel Booking { get; init; }

    public IReadOnlyCollection<Guid> Selected { get; init; } = [];

    public string? Message { get; init; }
}

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The reschedule step: which session moves, and a week of times it could move to.</summary>
public sealed class ReschedulePickerViewModel
{
    public required ManageViewModel Booking { get; init; }

    public required ManageSessionLine Session { get; init; }

    public required IReadOnlyList<SlotDay> Days { get; init; }

    public required WeekNav Week { get; init; }

    public string? Message { get; init; }
}

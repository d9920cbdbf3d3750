namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The reschedule step: which session moves now, the times chosen for the ones before it, and a week of times.</summary>
public sealed class ReschedulePickerViewModel
{
    public required ManageViewModel Booking { get; init; }

    public required ManageSessionLine Session { get; init; }

    public required RescheduleSteps Steps { get; init; }

    /// <summary>The sessions already given a new time in this change: old and new, as the viewer reads them.</summary>
    public IReadOnlyList<(string From, string To)> Chosen { get; init; } = [];

    public required IReadOnlyList<SlotDay> Days { get; init; }

    public required WeekNav Week { get; init; }

    /// <summary>The first day of the week shown (yyyy-MM-dd): a step that comes back shows the same week.</summary>
    public required string WeekStart { get; init; }

    public string? Message { get; init; }
}

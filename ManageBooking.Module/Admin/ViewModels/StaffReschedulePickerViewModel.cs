using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;

namespace ManageBooking.Admin.ViewModels;

/// <summary>
/// A staff reschedule step, through the customers' picker: the session that moves now, the times chosen for the ones
/// before it, and a week of the times staff may choose (inside the page's notice and past its cutoffs too).
/// </summary>
public sealed class StaffReschedulePickerViewModel
{
    public required ManagedBooking Managed { get; init; }

    /// <summary>The moving session's present time, in the zone shown.</summary>
    public required string Now { get; init; }

    public required RescheduleSteps Steps { get; init; }

    public IReadOnlyList<(string From, string To)> Chosen { get; init; } = [];

    public required IReadOnlyList<SlotDay> Days { get; init; }

    public required WeekNav Week { get; init; }

    public required string WeekStart { get; init; }

    /// <summary>The zone the times are shown in (the page's, or the customer's), with its label.</summary>
    public required string ZoneId { get; init; }

    public required string ZoneLabel { get; init; }

    /// <summary>The other zone staff can switch to, with its label and the address of this step in it; null when both are one.</summary>
    public (string Label, string Url)? OtherZone { get; init; }

    public string? Message { get; init; }
}

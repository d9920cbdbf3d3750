using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;

namespace ManageBooking.Admin.ViewModels;

/// <summary>The one summary before staff move sessions: each old and new time, the reason, and who will be emailed.</summary>
public sealed class StaffRescheduleReviewViewModel
{
    public required ManagedBooking Managed { get; init; }

    public required RescheduleSteps Steps { get; init; }

    public required IReadOnlyList<RescheduleMoveLine> Moves { get; init; }

    public required string ZoneId { get; init; }

    public required string ZoneLabel { get; init; }

    /// <summary>The page's rules this move goes past, which the history will record.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    public required RecipientsPreview Recipients { get; init; }

    public string? Reason { get; init; }

    public bool NotifyCustomer { get; init; } = true;

    public string? Message { get; init; }
}

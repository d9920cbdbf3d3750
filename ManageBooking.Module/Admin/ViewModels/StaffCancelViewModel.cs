using ManageBooking.BookingPages.Services;

namespace ManageBooking.Admin.ViewModels;

/// <summary>The confirm step of a staff cancellation: the sessions that will be cancelled, the reason, and who will be emailed.</summary>
public sealed class StaffCancelViewModel
{
    public required ManagedBooking Managed { get; init; }

    public required IReadOnlyList<StaffSessionLine> Sessions { get; init; }

    /// <summary>Every session still scheduled is among them: the booking itself ends.</summary>
    public bool WholeBooking { get; init; }

    /// <summary>The page's rules this cancellation goes past, which the history will record.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    public required RecipientsPreview Recipients { get; init; }

    public string? Reason { get; init; }

    public bool NotifyCustomer { get; init; } = true;

    public string? Message { get; init; }
}

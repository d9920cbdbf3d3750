namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The page shown right after booking.</summary>
public sealed class ConfirmationViewModel
{
    public required string PageTitle { get; init; }

    public required string Reference { get; init; }

    public required bool IsRequest { get; init; }

    public required string CustomerEmail { get; init; }

    public required IReadOnlyList<string> Sessions { get; init; }

    public required string ZoneLabel { get; init; }

    /// <summary>The Manage your booking link, present when the page's Reschedule &amp; Cancel toggle is on.</summary>
    public string? ManageUrl { get; init; }
}

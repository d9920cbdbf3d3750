using ManageBooking.Localization;

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

    public LocationLine? Location { get; init; }

    /// <summary>The Manage your booking link, present when the page's Reschedule &amp; Cancel toggle is on.</summary>
    public string? ManageUrl { get; init; }

    /// <summary>Something can still be changed online now; else the page says how to reach the owner instead of promising it.</summary>
    public required bool CanChangeOnline { get; init; }

    public required OwnerContact Contact { get; init; }

    /// <summary>The .ics file of the sessions; null when none is still to come.</summary>
    public string? CalendarFileUrl { get; init; }

    public IReadOnlyList<CalendarLinksLine> CalendarLinks { get; init; } = [];
}

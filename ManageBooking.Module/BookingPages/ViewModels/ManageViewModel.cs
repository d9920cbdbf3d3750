using ManageBooking.BookingPages.Services;
using ManageBooking.Models;
using ManageBooking.Policies;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>Everything the manage pages show of a booking, in the viewer's zone.</summary>
public sealed class ManageViewModel
{
    public required string Token { get; init; }

    public required string PageTitle { get; init; }

    /// <summary>The booking page's slug, for per-page view alternates.</summary>
    public required string PageSlug { get; init; }

    public required string Reference { get; init; }

    public required BookingStatus Status { get; init; }

    public required string ZoneId { get; init; }

    public required string ZoneLabel { get; init; }

    public required TimeZones.ZoneFieldModel Zone { get; init; }

    public required IReadOnlyList<ManageSessionLine> Sessions { get; init; }

    public required string CancelPolicy { get; init; }

    public required string ReschedulePolicy { get; init; }

    public string? PolicyText { get; init; }

    public required bool CanCancel { get; init; }

    public required bool CanReschedule { get; init; }

    public required Refusal BookingRefusal { get; init; }

    /// <summary>Every session has started or was cancelled: nothing is left to change.</summary>
    public required bool NothingAhead { get; init; }

    public string? CancelledWhen { get; init; }

    public Actor? CancelledBy { get; init; }

    public required string OwnerName { get; init; }

    public required string OwnerEmail { get; init; }

    public required ReasonRule CancelReason { get; init; }

    public required ReasonRule RescheduleReason { get; init; }

    public required Guid Version { get; init; }

    public required bool IsPackage { get; init; }

    /// <summary>The host asked the customer to pick a new time, and they have not yet.</summary>
    public bool RescheduleRequested { get; init; }

    /// <summary>Where the sessions take place, as the customer reads it; null when the page does not say.</summary>
    public Localization.LocationLine? Location { get; init; }

    public required OwnerContact Contact { get; init; }

    /// <summary>The page's host approves every booking: a customer's reschedule makes it a request again.</summary>
    public required bool IsManualApproval { get; init; }

    /// <summary>The page to book again from, once this booking was cancelled or declined (and the page still takes bookings).</summary>
    public string? BookAgainUrl { get; init; }

    /// <summary>Add-to-calendar links of the sessions still to come; empty when none are.</summary>
    public IReadOnlyList<CalendarLinksLine> CalendarLinks { get; init; } = [];

    /// <summary>Some session can no longer be changed online although others can.</summary>
    public bool HasRefusedSessions => Sessions.Any(s => s.Note is not null);

    public bool IsPending => Status == BookingStatus.Pending;

    public bool IsReadOnly => !CanCancel && !CanReschedule;

    /// <summary>The .ics file of the sessions still to come.</summary>
    public string CalendarFileUrl => ManagePaths.Page(Token, "calendar.ics");

    /// <summary>The address of a manage sub-page without a query, for forms that add their own fields.</summary>
    public string Path(string? step = null) => ManagePaths.Page(Token, step);

    /// <summary>The address of a manage sub-page, keeping the viewer's zone.</summary>
    public string Link(string? path = null, string? query = null)
        => $"{Path(path)}?tz={Uri.EscapeDataString(ZoneId)}{(query is null ? "" : "&" + query)}";
}

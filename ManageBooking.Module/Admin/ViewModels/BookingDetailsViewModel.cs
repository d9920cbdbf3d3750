using ManageBooking.BookingPages.Services;

namespace ManageBooking.Admin.ViewModels;

/// <summary>One booking as staff see it: everything, with what staff may still do.</summary>
public sealed record BookingDetailsViewModel(ManagedBooking Managed, NodaTime.DateTimeZone PageZone, NodaTime.DateTimeZone CustomerZone, bool CanManage)
{
    /// <summary>The current sessions, with what staff may do to each.</summary>
    public IReadOnlyList<StaffSessionLine> Sessions { get; init; } = [];

    /// <summary>Staff's internal notes, oldest first.</summary>
    public IReadOnlyList<Models.BookingNote> Notes { get; init; } = [];
}

using ManageBooking.BookingPages.Services;

namespace ManageBooking.Admin.ViewModels;

/// <summary>One booking as staff see it: everything, with what staff may still do.</summary>
public sealed record BookingDetailsViewModel(ManagedBooking Managed, NodaTime.DateTimeZone PageZone, NodaTime.DateTimeZone CustomerZone, bool CanManage)
{
    /// <summary>Free times in the next two weeks a session could move to, as ISO value and label in the page's zone.</summary>
    public IReadOnlyList<(string Value, string Label)> MoveOptions { get; init; } = [];

    /// <summary>Staff's internal notes, oldest first.</summary>
    public IReadOnlyList<Models.BookingNote> Notes { get; init; } = [];
}

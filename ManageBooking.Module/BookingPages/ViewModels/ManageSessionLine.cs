using ManageBooking.Models;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>One session on the manage page: its time in the viewer's zone and what may be done with it.</summary>
public sealed record ManageSessionLine(Guid Id, string When, SessionStatus Status, bool Started, bool CanCancel, bool CanReschedule, string? Note);

using ManageBooking.Models;

namespace ManageBooking.Admin.ViewModels;

/// <summary>A session in the week grid, linking to its booking.</summary>
public sealed record WeekEntry(Guid BookingId, string Time, string Customer, string Page, BookingStatus Status);

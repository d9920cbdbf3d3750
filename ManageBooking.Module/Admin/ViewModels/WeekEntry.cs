using ManageBooking.Models;

namespace ManageBooking.Admin.ViewModels;

/// <summary>A session in the week, linking to its booking; its times in the calendar's zone, named by <see cref="Zone"/>.</summary>
public sealed record WeekEntry(Guid BookingId, string Time, string Zone, string Customer, string Page, BookingStatus Status);

using ManageBooking.BookingPages.ViewModels;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>One week of free times as a person pages through them: its first day, the times by day, and its neighbours.</summary>
public sealed record SlotWeek(LocalDate Start, IReadOnlyList<SlotDay> Days, WeekNav Nav);

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The page after a choice: what happened, and the booking as it is now.</summary>
public sealed record ManageResultViewModel(ManageViewModel Booking, ManageResult Result);

namespace ManageBooking.Admin.ViewModels;

/// <summary>The admin list's views of bookings.</summary>
public enum BookingListFilter
{
    Upcoming,
    Past,
    Pending,
    Cancelled,
    All,
}

namespace ManageBooking.Notifications;

/// <summary>Hears of every booking change inside its transaction; the Workflows feature provides it, or nothing does.</summary>
public interface IBookingNotifications
{
    Task PlanAsync(BookingNotice notice, CancellationToken cancellationToken);
}

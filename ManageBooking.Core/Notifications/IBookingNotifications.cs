namespace ManageBooking.Notifications;

/// <summary>Hears of every booking change inside its transaction; the Workflows feature provides it, or nothing does.</summary>
public interface IBookingNotifications
{
    /// <summary>Queues what the change sets off, in the caller's transaction, and says what it queued.</summary>
    Task<NotificationPlan> PlanAsync(BookingNotice notice, CancellationToken cancellationToken);

    /// <summary>What <see cref="PlanAsync"/> would queue for the change now, queuing nothing: for a confirm step.</summary>
    Task<NotificationPlan> PreviewAsync(BookingNotice notice, CancellationToken cancellationToken);
}

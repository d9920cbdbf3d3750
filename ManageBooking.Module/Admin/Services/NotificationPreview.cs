using ManageBooking.Admin.ViewModels;
using ManageBooking.Notifications;

namespace ManageBooking.Admin.Services;

/// <summary>Who a change would be emailed to if made now, asked of the same listeners that will plan it, queuing nothing.</summary>
public sealed class NotificationPreview(IEnumerable<IBookingNotifications> notifications, NotifiedText text)
{
    public async Task<RecipientsPreview> ForAsync(BookingNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var plan = NotificationPlan.Off;
        foreach (var notifier in notifications)
        {
            plan = plan.Add(await notifier.PreviewAsync(notice, cancellationToken));
        }

        return text.Before(plan);
    }
}

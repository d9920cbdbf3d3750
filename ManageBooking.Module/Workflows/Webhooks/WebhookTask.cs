using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Notifications;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>
/// The call-webhook task: one JSON POST per rule task, signed to the Standard Webhooks specification, its body made when
/// sent from the change and the booking as it is then. Outcomes: Done (a 2xx answer), Failed (anything else, the reason recorded), Withdrawn (a reminder of a
/// session no longer scheduled).
/// </summary>
public sealed class WebhookTask(WebhookSender sender) : INotificationTaskActivity
{
    public NotificationTaskKind Kind => NotificationTaskKind.CallWebhook;

    public IReadOnlyList<string> Outcomes { get; } = [TaskOutcome.DoneName, TaskOutcome.FailedName, TaskOutcome.WithdrawnName];

    public IEnumerable<DeliveryTarget> Targets(NotificationTask task, Booking booking, BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(task);
        yield return new DeliveryTarget(task.WebhookUrl?.Trim() ?? "", ForCustomer: false, ManageBooking.Notifications.Audience.Webhook);
    }

    public async Task<TaskOutcome> ExecuteAsync(TaskDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Message.SessionLineageId is { } lineage && EmailTask.Withdrawn(delivery.Booking, lineage) is { } reason)
        {
            return TaskOutcome.Withdrawn(reason);
        }

        if (!Uri.TryCreate(delivery.Task.WebhookUrl?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return TaskOutcome.Failed("The webhook address is not an http or https URL.");
        }

        var sent = await sender.SendAsync(url, WebhookPayload.Serialize(delivery), delivery.Task.WebhookSecret, delivery.Message.Id, cancellationToken);
        return sent.Succeeded ? TaskOutcome.Done : TaskOutcome.Failed(sent.Error ?? "The webhook call failed.");
    }
}

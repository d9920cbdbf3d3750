using System.Text.Json;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Policies;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Notifications;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>
/// The call-webhook task: one signed JSON POST per rule task, its body made when sent from the change and the booking
/// as it is then. Outcomes: Done (a 2xx answer), Failed (anything else, the reason recorded), Withdrawn (a reminder of a
/// session no longer scheduled).
/// </summary>
public sealed class WebhookTask(IHttpClientFactory clients) : INotificationTaskActivity
{
    public NotificationTaskKind Kind => NotificationTaskKind.CallWebhook;

    public IReadOnlyList<string> Outcomes { get; } = [TaskOutcome.DoneName, TaskOutcome.FailedName, TaskOutcome.WithdrawnName];

    public IEnumerable<DeliveryTarget> Targets(NotificationTask task, Booking booking, BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(task);
        yield return new DeliveryTarget(task.WebhookUrl?.Trim() ?? "", ForCustomer: false);
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

        var body = JsonSerializer.Serialize(Body(delivery), JsonSerializerOptions.Web);
        var sent = await new WebhookSender(clients.CreateClient(WebhookSender.HttpClientName))
            .SendAsync(url, body, delivery.Task.WebhookSecret, delivery.Message.Id, cancellationToken);
        return sent.Succeeded ? TaskOutcome.Done : TaskOutcome.Failed(sent.Error ?? "The webhook call failed.");
    }

    private static object Body(TaskDelivery delivery)
    {
        var booking = delivery.Booking;
        var change = delivery.Change;
        var sessions = change?.Sessions.Select(s => new { id = s.SessionId, start = s.StartUtc, end = s.EndUtc, status = s.Cancelled ? nameof(SessionStatus.Cancelled) : nameof(SessionStatus.Scheduled) })
            ?? ManagePolicy.CurrentSessions(booking).Where(s => s.LineageId == delivery.Message.SessionLineageId)
                .Select(s => new { id = s.Id, start = s.StartUtc, end = s.EndUtc, status = s.Status.ToString() });
        return new
        {
            @event = delivery.Event.ToString(),
            reference = booking.Reference,
            status = booking.Status.ToString(),
            page = new { slug = delivery.Page.Slug, title = delivery.Page.Title },
            customer = new { name = booking.CustomerName, email = booking.CustomerEmail },
            sessions = sessions.ToList(),
            moves = change?.Moves.Select(m => new { from = new { start = m.From.StartUtc, end = m.From.EndUtc }, to = new { id = m.To.SessionId, start = m.To.StartUtc, end = m.To.EndUtc } }).ToList(),
            partial = change?.Partial,
            reason = change?.Reason,
            actor = change?.Actor.ToString(),
            culture = booking.Culture,
        };
    }
}

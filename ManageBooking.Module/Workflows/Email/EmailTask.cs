using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Policies;
using ManageBooking.Workflows.Notifications;

namespace ManageBooking.Workflows.Email;

/// <summary>
/// The send-email task: one message per recipient (the customer, the owner, each stakeholder, or an address), rendered
/// when sent. Outcomes: Done, Failed (the sender's or the renderer's reason), Withdrawn (a reminder whose session is
/// no longer scheduled, or whose booking is no longer confirmed).
/// </summary>
public sealed class EmailTask(NotificationRenderer renderer, IEmailSender sender) : INotificationTaskActivity
{
    public NotificationTaskKind Kind => NotificationTaskKind.SendEmail;

    public IReadOnlyList<string> Outcomes { get; } = [TaskOutcome.DoneName, TaskOutcome.FailedName, TaskOutcome.WithdrawnName];

    public IEnumerable<DeliveryTarget> Targets(NotificationTask task, Booking booking, BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        switch (task.Recipients)
        {
            case RecipientKind.Customer:
                yield return new DeliveryTarget(booking.CustomerEmail, ForCustomer: true, Audience.Customer);
                break;
            case RecipientKind.Owner:
                yield return new DeliveryTarget(page.OwnerEmail, ForCustomer: false, Audience.Owner);
                break;
            case RecipientKind.Stakeholders:
                foreach (var address in page.StakeholderEmails.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    yield return new DeliveryTarget(address, ForCustomer: false, Audience.Stakeholder);
                }

                break;
            case RecipientKind.Address when !string.IsNullOrWhiteSpace(task.Address):
                yield return new DeliveryTarget(task.Address.Trim(), ForCustomer: false);
                break;
        }
    }

    public async Task<TaskOutcome> ExecuteAsync(TaskDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        if (message.SessionLineageId is { } lineage && Withdrawn(delivery.Booking, lineage) is { } reason)
        {
            return TaskOutcome.Withdrawn(reason);
        }

        // The customer's address is the booking's as it is now; anyone else's as the task named it.
        var target = new DeliveryTarget(message.ForCustomer ? delivery.Booking.CustomerEmail : message.Recipient ?? "", message.ForCustomer);
        var mail = await renderer.RenderEmailAsync(
            new EmailRender(delivery.Booking, delivery.Task, delivery.Event, delivery.Change, message.SessionLineageId, target, delivery.Now, message.Id),
            cancellationToken);
        message.Summary = Summary($"{target.Address} · {mail.Subject}");
        var sent = await sender.SendAsync(mail, cancellationToken);
        return sent.Succeeded ? TaskOutcome.Done : TaskOutcome.Failed(sent.Error ?? "The email was not sent.");
    }

    /// <summary>Why a reminder is no longer wanted, or null while its session is still ahead as booked.</summary>
    public static string? Withdrawn(Booking booking, Guid lineage)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var session = ManagePolicy.CurrentSessions(booking).FirstOrDefault(s => s.LineageId == lineage);
        return session is null || session.Status != SessionStatus.Scheduled
            ? "Withdrawn: the session is no longer scheduled."
            : booking.Status is not (BookingStatus.Confirmed or BookingStatus.Rescheduled)
                ? $"Withdrawn: the booking is {booking.Status}."
                : null;
    }

    private static string Summary(string text) => text.Length > 300 ? text[..300] : text;
}

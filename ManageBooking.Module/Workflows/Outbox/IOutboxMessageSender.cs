using ManageBooking.Models.Outbox;
using ManageBooking.Workflows.Notifications;

namespace ManageBooking.Workflows.Outbox;

/// <summary>
/// Makes and sends the outbox messages of one kind that are not a rule's task, when they are due: the admin's
/// invitation and password-reset emails, whose one-time link must not wait in the database. The dispatcher leases,
/// retries and records them like any other message.
/// </summary>
public interface IOutboxMessageSender
{
    OutboxKind Kind { get; }

    /// <summary>Renders and sends one message; failures are outcomes, and an exception is recorded as Failed.</summary>
    Task<TaskOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

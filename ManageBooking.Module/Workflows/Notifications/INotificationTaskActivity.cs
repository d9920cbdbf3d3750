using ManageBooking.Models;
using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// One kind of rule task, shaped like an Orchard Core workflow task: it says whom a task of its kind addresses (one
/// outbox message each), and executes one message, returning one of its named <see cref="Outcomes"/>. Adding a task
/// kind means adding a class that implements this, registered in the Workflows startup; nothing else switches on kinds.
/// </summary>
public interface INotificationTaskActivity
{
    NotificationTaskKind Kind { get; }

    /// <summary>The outcomes <see cref="ExecuteAsync"/> can return, by name.</summary>
    IReadOnlyList<string> Outcomes { get; }

    /// <summary>The messages a task sets off for a booking: one per recipient.</summary>
    IEnumerable<DeliveryTarget> Targets(NotificationTask task, Booking booking, BookingPage page);

    /// <summary>Renders and sends one message. Failures are outcomes; an exception is recorded as Failed by the dispatcher.</summary>
    Task<TaskOutcome> ExecuteAsync(TaskDelivery delivery, CancellationToken cancellationToken);
}

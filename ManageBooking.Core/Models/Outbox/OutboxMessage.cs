namespace ManageBooking.Models.Outbox;

/// <summary>
/// A delivery written in the same transaction as the booking change that caused it, so that a change is never
/// committed without its notifications, and sent later by the dispatcher, with retries. It holds what happened
/// (<see cref="Event"/>, <see cref="Facts"/>) and which rule task it serves, never rendered text: the dispatcher renders
/// it when it sends, from the booking, the rule and the theme as they are then.
/// </summary>
public sealed class OutboxMessage
{
    // Time-ordered (UUIDv7), for the indexes, not as a time: a new row lands next to the last one in its key's index and
    // in every index led by this id, instead of on a random page of each, so a transaction of many writes touches few pages.
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public OutboxKind Kind { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public Guid? BookingId { get; set; }

    /// <summary>For reminders: the session lineage they remind of, so a move or cancellation can withdraw them.</summary>
    public Guid? SessionLineageId { get; set; }

    public Guid? RuleId { get; set; }

    /// <summary>The rule's task this message serves (see <see cref="Notifications.NotificationRule.IdentifiedTasks"/>).</summary>
    public Guid? TaskId { get; set; }

    /// <summary>The event the message tells of.</summary>
    public Notifications.BookingEvent? Event { get; set; }

    /// <summary>Who the email goes to (for the customer, their address as the booking holds it when sent); null for webhooks.</summary>
    public string? Recipient { get; set; }

    /// <summary>True for the customer's email: it carries their manage link and is in their language.</summary>
    public bool ForCustomer { get; set; }

    /// <summary>The change, as JSON of <c>ManageBooking.Notifications.BookingChange</c>; null for reminders and for rows rendered before.</summary>
    public string? Facts { get; set; }

    /// <summary>A readable label for the admin (recipient and subject, or webhook URL).</summary>
    public string Summary { get; set; } = "";

    /// <summary>
    /// A message rendered when it was queued, encrypted with Data Protection: rows queued before messages were rendered
    /// at send time, and test sends. Empty for every other row.
    /// </summary>
    public string Payload { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>Not to be sent before this instant: a reminder's time, or the next retry.</summary>
    public DateTime DueUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>While a dispatcher sends a message it holds it until this instant; another node skips it meanwhile.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    public string? LeaseOwner { get; set; }
}

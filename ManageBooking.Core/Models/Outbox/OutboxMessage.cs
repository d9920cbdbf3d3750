namespace ManageBooking.Models.Outbox;

/// <summary>
/// A delivery written in the same transaction as the booking change that caused it, so that a change is never
/// committed without its notifications, and sent later by the dispatcher, with retries.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public OutboxKind Kind { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public Guid? BookingId { get; set; }

    /// <summary>For reminders: the session lineage they remind of, so a move or cancellation can withdraw them.</summary>
    public Guid? SessionLineageId { get; set; }

    public Guid? RuleId { get; set; }

    /// <summary>A readable label for the admin (recipient and subject, or webhook URL).</summary>
    public string Summary { get; set; } = "";

    /// <summary>The rendered message, encrypted with Data Protection: it can hold a manage link.</summary>
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

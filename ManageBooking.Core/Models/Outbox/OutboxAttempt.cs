namespace ManageBooking.Models.Outbox;

/// <summary>One try at delivering an outbox message, kept for the admin.</summary>
public sealed class OutboxAttempt
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MessageId { get; set; }

    public DateTime AtUtc { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }
}

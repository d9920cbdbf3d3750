namespace ManageBooking.Models.Outbox;

/// <summary>One try at delivering an outbox message, kept for the admin.</summary>
public sealed class OutboxAttempt
{
    // Time-ordered (UUIDv7), for the indexes, not as a time: a new row lands next to the last one in its key's index and
    // in every index led by this id, instead of on a random page of each, so a transaction of many writes touches few pages.
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid MessageId { get; set; }

    public DateTime AtUtc { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }
}

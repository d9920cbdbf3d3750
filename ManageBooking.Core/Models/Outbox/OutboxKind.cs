namespace ManageBooking.Models.Outbox;

/// <summary>What an outbox message delivers.</summary>
public enum OutboxKind
{
    Email,
    Webhook,
}

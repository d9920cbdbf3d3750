namespace ManageBooking.Models.Outbox;

/// <summary>What an outbox message delivers.</summary>
public enum OutboxKind
{
    Email,
    Webhook,

    /// <summary>A staff member's invitation or password-reset email; its one-time link is made when it is sent.</summary>
    AccountLink,
}

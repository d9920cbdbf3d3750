using ManageBooking.Workflows.Email;

namespace ManageBooking.Workflows.Outbox;

/// <summary>What a message delivers, as stored (encrypted) in the outbox: an email or a webhook call.</summary>
public sealed record OutboxPayload(EmailMessage? Email, WebhookCall? Webhook);

namespace ManageBooking.Workflows.Outbox;

/// <summary>A webhook to call: where, the exact JSON body, and the secret to sign it with.</summary>
public sealed record WebhookCall(Uri Url, string Body, string? Secret);

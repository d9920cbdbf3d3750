namespace ManageBooking.Workflows.Notifications;

/// <summary>What a rule task would send for the sample booking: its email in each language it is sent in, or its webhook's JSON body.</summary>
public sealed record TaskPreview(IReadOnlyList<EmailPreview> Emails, string? WebhookBody);

namespace ManageBooking.Models.Notifications;

/// <summary>
/// One task of a rule: an email (recipients, subject and body templates) or a webhook (URL and signing secret).
/// Templates are Handlebars; what an admin edits is only these strings.
/// </summary>
public sealed record NotificationTask(
    NotificationTaskKind Kind,
    RecipientKind Recipients = RecipientKind.Customer,
    string? Address = null,
    string? Subject = null,
    string? Body = null,
    string? WebhookUrl = null,
    string? WebhookSecret = null);

namespace ManageBooking.Models.Notifications;

/// <summary>
/// One task of a rule: an email (recipients, subject and body templates) or a webhook (URL and signing secret).
/// Templates are Handlebars; what an admin edits is only these strings. Subject and Body are in the site's language;
/// <see cref="Translations"/> hold the same email in other languages, sent to customers who booked in one of them.
/// </summary>
public sealed record NotificationTask(
    NotificationTaskKind Kind,
    RecipientKind Recipients = RecipientKind.Customer,
    string? Address = null,
    string? Subject = null,
    string? Body = null,
    string? WebhookUrl = null,
    string? WebhookSecret = null,
    IReadOnlyList<TemplateTranslation>? Translations = null)
{
    /// <summary>
    /// The task's identity within its rule, which outbox rows name so that a message is rendered with the task's current
    /// template. Tasks saved before tasks had one read as empty; <see cref="NotificationRule.IdentifiedTasks"/> fills it.
    /// </summary>
    public Guid Id { get; init; }

    /// <summary>True for the customer's email; owner, stakeholders, other addresses and webhooks are the team's.</summary>
    public bool IsForCustomer => Kind == NotificationTaskKind.SendEmail && Recipients == RecipientKind.Customer;

    /// <summary>The translation for a culture ("fr-CA" falls back to "fr"), or null when there is none.</summary>
    public TemplateTranslation? TranslationFor(string? culture)
    {
        if (string.IsNullOrEmpty(culture) || Translations is null)
        {
            return null;
        }

        var language = culture.Split('-')[0];
        return Translations.FirstOrDefault(t => string.Equals(t.Culture, culture, StringComparison.OrdinalIgnoreCase))
            ?? Translations.FirstOrDefault(t => string.Equals(t.Culture, language, StringComparison.OrdinalIgnoreCase));
    }
}

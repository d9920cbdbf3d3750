using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.Notifications;

/// <summary>The rules a new site starts with, so that everyone hears of every change before the owner edits anything.</summary>
public static class DefaultNotificationRules
{
    private const string Sessions = """
        <ul>{{#each sessions}}<li>{{when}}{{#if cancelled}} (cancelled){{/if}}</li>{{/each}}</ul>
        <p style="color:#4d5561;font-size:13px">{{zoneLabel}}</p>
        """;

    private const string ManageButtons = """
        {{#if links}}
        <p><a href="{{links.manage}}" style="display:inline-block;background:{{theme.brand}};color:{{theme.brandText}};padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">Manage your booking</a></p>
        <p style="font-size:14px"><a href="{{links.reschedule}}">Reschedule</a> · <a href="{{links.cancel}}">Cancel</a></p>
        {{/if}}
        """;

    private const string SessionsFr = """
        <ul>{{#each sessions}}<li>{{when}}{{#if cancelled}} (annulée){{/if}}</li>{{/each}}</ul>
        <p style="color:#4d5561;font-size:13px">{{zoneLabel}}</p>
        """;

    private const string ManageButtonsFr = """
        {{#if links}}
        <p><a href="{{links.manage}}" style="display:inline-block;background:{{theme.brand}};color:{{theme.brandText}};padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">Gérer votre réservation</a></p>
        <p style="font-size:14px"><a href="{{links.reschedule}}">Déplacer</a> · <a href="{{links.cancel}}">Annuler</a></p>
        {{/if}}
        """;

    private const string ReasonFr = "{{#if reason}}<p><strong>Motif :</strong> {{reason}}</p>{{/if}}";

    private const string Reason = "{{#if reason}}<p><strong>Reason:</strong> {{reason}}</p>{{/if}}";

    private const string BookAgain = "{{#if bookAgain}}<p><a href=\"{{bookAgain}}\">Book again</a></p>{{/if}}";

    private const string BookAgainFr = "{{#if bookAgain}}<p><a href=\"{{bookAgain}}\">Réserver à nouveau</a></p>{{/if}}";

    private const string Remaining = "{{#if partial}}<p>Still booked:</p><ul>{{#each remaining}}<li>{{when}}</li>{{/each}}</ul>{{/if}}";

    private const string RemainingFr = "{{#if partial}}<p>Toujours réservées :</p><ul>{{#each remaining}}<li>{{when}}</li>{{/each}}</ul>{{/if}}";

    private const string Changed = "<ul>{{#each changed}}<li>{{#if to}}<s>{{from}}</s> → <strong>{{to}}</strong>{{else}}{{from}}{{/if}}</li>{{/each}}</ul><p style=\"color:#4d5561;font-size:13px\">{{zoneLabel}}</p>";

    /// <summary>
    /// The rules, with each customer email in English and French: the site's language as the main template, the other
    /// as its translation. The team's emails are in English; the owner rewrites them as they like.
    /// </summary>
    public static IReadOnlyList<NotificationRule> Create(string siteLanguage = "en") => InLanguage(WithEnglishTemplates(), siteLanguage);

    /// <summary>
    /// The tasks of a seeded rule that still hold an earlier default template word for word, each with the current
    /// default that replaces it (by the task's place in the rule): the cancellation emails before partial cancellations
    /// had their own title. A task the owner edited is never touched.
    /// </summary>
    public static IEnumerable<(int Index, NotificationTask Current)> Outdated(NotificationRule rule, string siteLanguage)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var previous = InLanguage(PreviousTemplates(), siteLanguage).FirstOrDefault(r => r.SeedKey == rule.SeedKey);
        var current = Create(siteLanguage).FirstOrDefault(r => r.SeedKey == rule.SeedKey);
        if (previous is null || current is null || rule.SeedKey is null)
        {
            yield break;
        }

        for (var i = 0; i < Math.Min(rule.Tasks.Count, Math.Min(previous.Tasks.Count, current.Tasks.Count)); i++)
        {
            if (SameTemplates(rule.Tasks[i], previous.Tasks[i]))
            {
                yield return (i, current.Tasks[i]);
            }
        }
    }

    /// <summary>
    /// The current name of a seeded rule that still has the name an earlier version gave it, or null. The reminder was
    /// "Reminder 24 hours before" whatever its hours said; its hours are now shown beside its name.
    /// </summary>
    public static string? RenamedFrom(NotificationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.SeedKey == SeedKeyFor(BookingEvent.ReminderDue) && rule.Name == "Reminder 24 hours before"
            ? Create().Single(r => r.SeedKey == rule.SeedKey).Name
            : null;
    }

    private static bool SameTemplates(NotificationTask a, NotificationTask b)
        => a.Kind == b.Kind && a.Recipients == b.Recipients && a.Subject == b.Subject && a.Body == b.Body
            && (a.Translations ?? []).SequenceEqual(b.Translations ?? []);

    /// <summary>Default templates of earlier versions that <see cref="Outdated"/> recognises.</summary>
    private static List<NotificationRule> PreviousTemplates() =>
    [
        Rule("Booking cancelled", BookingEvent.Cancelled, 60,
        [
            Customer("Booking cancelled: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>These sessions of <strong>{{page.title}}</strong> are cancelled:</p>" + Changed + Reason,
                French("Réservation annulée : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>Ces séances de <strong>{{page.title}}</strong> sont annulées :</p>" + Changed + ReasonFr)),
            .. Team("Booking cancelled: {{customer.name}} · {{page.title}}",
                "<p>Sessions of {{customer.name}}'s booking of <strong>{{page.title}}</strong> are cancelled:</p>" + Changed + Reason + "<p>Reference: {{booking.reference}}</p>"),
        ]),
    ];

    private static List<NotificationRule> InLanguage(List<NotificationRule> rules, string siteLanguage)
    {
        if (siteLanguage != "fr")
        {
            return rules;
        }

        foreach (var rule in rules)
        {
            rule.Tasks = [.. rule.Tasks.Select(t => t.TranslationFor("fr") is { } french
                ? t with { Subject = french.Subject, Body = french.Body, Translations = [new TemplateTranslation("en", t.Subject!, t.Body!)] }
                : t)];
        }

        return rules;
    }

    private static List<NotificationRule> WithEnglishTemplates() =>
    [
        Rule("Booking request received", BookingEvent.Requested, 10,
        [
            Customer("We received your booking request: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Thanks for your request for <strong>{{page.title}}</strong>. {{page.ownerName}} will confirm it soon.</p>" + Sessions + "<p>Reference: <strong>{{booking.reference}}</strong></p>" + ManageButtons,
                French("Nous avons reçu votre demande : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>Merci pour votre demande de <strong>{{page.title}}</strong>. {{page.ownerName}} la confirmera bientôt.</p>" + SessionsFr + "<p>Référence : <strong>{{booking.reference}}</strong></p>" + ManageButtonsFr)),
            .. Team("New booking request: {{customer.name}} · {{page.title}}",
                "<p>{{customer.name}} ({{customer.email}}) asked for <strong>{{page.title}}</strong>. It awaits approval.</p>" + Sessions + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Booking confirmed", BookingEvent.Confirmed, 20,
        [
            Customer("Booking confirmed: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Your booking of <strong>{{page.title}}</strong> with {{page.ownerName}} is confirmed.</p>" + Sessions + "<p>Reference: <strong>{{booking.reference}}</strong></p>" + ManageButtons,
                French("Réservation confirmée : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>Votre réservation de <strong>{{page.title}}</strong> avec {{page.ownerName}} est confirmée.</p>" + SessionsFr + "<p>Référence : <strong>{{booking.reference}}</strong></p>" + ManageButtonsFr)),
            .. Team("New booking: {{customer.name}} · {{page.title}}",
                "<p>{{customer.name}} ({{customer.email}}) booked <strong>{{page.title}}</strong>.</p>" + Sessions + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Booking request approved", BookingEvent.Approved, 30,
        [
            Customer("Your booking is confirmed: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>{{page.ownerName}} approved your request for <strong>{{page.title}}</strong>.</p>" + Sessions + ManageButtons,
                French("Votre réservation est confirmée : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>{{page.ownerName}} a accepté votre demande de <strong>{{page.title}}</strong>.</p>" + SessionsFr + ManageButtonsFr)),
        ]),
        Rule("Booking request declined", BookingEvent.Declined, 40,
        [
            Customer("Your booking request was declined: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Sorry, {{page.ownerName}} can't take your request for <strong>{{page.title}}</strong>.</p>" + Sessions + Reason + BookAgain,
                French("Votre demande a été refusée : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>Désolé, {{page.ownerName}} ne peut pas accepter votre demande de <strong>{{page.title}}</strong>.</p>" + SessionsFr + ReasonFr + BookAgainFr)),
        ]),
        Rule("Booking rescheduled", BookingEvent.Rescheduled, 50,
        [
            Customer("Booking rescheduled: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Your booking of <strong>{{page.title}}</strong> has a new time.</p>" + Changed + Reason + ManageButtons,
                French("Réservation déplacée : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>Votre réservation de <strong>{{page.title}}</strong> a un nouvel horaire.</p>" + Changed + ReasonFr + ManageButtonsFr)),
            .. Team("Booking rescheduled: {{customer.name}} · {{page.title}}",
                "<p>{{customer.name}}'s booking of <strong>{{page.title}}</strong> moved.</p>" + Changed + Reason + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Booking cancelled", BookingEvent.Cancelled, 60,
        [
            Customer("{{#if partial}}Sessions cancelled{{else}}Booking cancelled{{/if}}: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>{{#if partial}}These sessions of <strong>{{page.title}}</strong> are cancelled:{{else}}Your booking of <strong>{{page.title}}</strong> is cancelled:{{/if}}</p>" + Changed + Reason + Remaining + ManageButtons + BookAgain,
                French("{{#if partial}}Séances annulées{{else}}Réservation annulée{{/if}} : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>{{#if partial}}Ces séances de <strong>{{page.title}}</strong> sont annulées :{{else}}Votre réservation de <strong>{{page.title}}</strong> est annulée :{{/if}}</p>" + Changed + ReasonFr + RemainingFr + ManageButtonsFr + BookAgainFr)),
            .. Team("{{#if partial}}Sessions cancelled{{else}}Booking cancelled{{/if}}: {{customer.name}} · {{page.title}}",
                "<p>{{#if partial}}Some sessions{{else}}All sessions{{/if}} of {{customer.name}}'s booking of <strong>{{page.title}}</strong> are cancelled:</p>" + Changed + Reason + Remaining + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Reminder", BookingEvent.ReminderDue, 70,
        [
            Customer("Reminder: {{page.title}} is coming up",
                "<p>Hi {{customer.name}},</p><p>A reminder of your booking of <strong>{{page.title}}</strong> with {{page.ownerName}}:</p>" + Sessions + ManageButtons,
                French("Rappel : {{page.title}} approche",
                    "<p>Bonjour {{customer.name}},</p><p>Un rappel de votre réservation de <strong>{{page.title}}</strong> avec {{page.ownerName}} :</p>" + SessionsFr + ManageButtonsFr)),
        ]),
        Rule("Reschedule requested", BookingEvent.RescheduleRequested, 80,
        [
            Customer("Please pick a new time: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>{{page.ownerName}} asks you to pick a new time for <strong>{{page.title}}</strong>. Your booking stays as it is until you do.</p>" + Sessions
                + "{{#if reason}}<p><strong>Message from {{page.ownerName}}:</strong> {{reason}}</p>{{/if}}" + PickButton("Pick a new time"),
                French("Merci de choisir un nouvel horaire : {{page.title}}",
                    "<p>Bonjour {{customer.name}},</p><p>{{page.ownerName}} vous demande de choisir un nouvel horaire pour <strong>{{page.title}}</strong>. Votre réservation reste inchangée d'ici là.</p>" + SessionsFr
                    + "{{#if reason}}<p><strong>Message de {{page.ownerName}} :</strong> {{reason}}</p>{{/if}}" + PickButton("Choisir un nouvel horaire"))),
        ]),
    ];

    /// <summary>Events a later version brought: an existing site gets their default rule once, when it next starts.</summary>
    public static IReadOnlyList<BookingEvent> AddedLater { get; } = [BookingEvent.RescheduleRequested];

    private static NotificationRule Rule(string name, BookingEvent bookingEvent, int order, List<NotificationTask> tasks)
        => new() { Name = name, SeedKey = SeedKeyFor(bookingEvent), Event = bookingEvent, Order = order, ReminderHours = 24, Tasks = tasks };

    /// <summary>The natural key of a default rule: there is one per event.</summary>
    public static string SeedKeyFor(BookingEvent bookingEvent) => "default-" + bookingEvent;

    private static string PickButton(string label) => """
        {{#if links}}
        <p><a href="{{links.reschedule}}" style="display:inline-block;background:{{theme.brand}};color:{{theme.brandText}};padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">
        """ + label + "</a></p>{{/if}}";

    /// <summary>The customer's email in the site's language, and in French for customers who booked in French.</summary>
    private static NotificationTask Customer(string subject, string body, TemplateTranslation french)
        => new(NotificationTaskKind.SendEmail, RecipientKind.Customer, Subject: subject, Body: body, Translations: [french]);

    private static TemplateTranslation French(string subject, string body) => new("fr", subject, body);

    /// <summary>One task for the owner and one for the stakeholders, so either can be switched off alone.</summary>
    private static NotificationTask[] Team(string subject, string body)
        =>
        [
            new(NotificationTaskKind.SendEmail, RecipientKind.Owner, Subject: subject, Body: body),
            new(NotificationTaskKind.SendEmail, RecipientKind.Stakeholders, Subject: subject, Body: body),
        ];
}

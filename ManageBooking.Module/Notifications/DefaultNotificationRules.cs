using ManageBooking.Models.Notifications;

namespace ManageBooking.Notifications;

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

    private const string Reason = "{{#if reason}}<p><strong>Reason:</strong> {{reason}}</p>{{/if}}";

    private const string Changed = "<ul>{{#each changed}}<li>{{#if to}}<s>{{from}}</s> → <strong>{{to}}</strong>{{else}}{{from}}{{/if}}</li>{{/each}}</ul><p style=\"color:#4d5561;font-size:13px\">{{zoneLabel}}</p>";

    public static IReadOnlyList<NotificationRule> Create() =>
    [
        Rule("Booking request received", BookingEvent.Requested, 10,
        [
            Customer("We received your booking request: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Thanks for your request for <strong>{{page.title}}</strong>. {{page.ownerName}} will confirm it soon.</p>" + Sessions + "<p>Reference: <strong>{{booking.reference}}</strong></p>" + ManageButtons),
            .. Team("New booking request: {{customer.name}} · {{page.title}}",
                "<p>{{customer.name}} ({{customer.email}}) asked for <strong>{{page.title}}</strong>. It awaits approval.</p>" + Sessions + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Booking confirmed", BookingEvent.Confirmed, 20,
        [
            Customer("Booking confirmed: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Your booking of <strong>{{page.title}}</strong> with {{page.ownerName}} is confirmed.</p>" + Sessions + "<p>Reference: <strong>{{booking.reference}}</strong></p>" + ManageButtons),
            .. Team("New booking: {{customer.name}} · {{page.title}}",
                "<p>{{customer.name}} ({{customer.email}}) booked <strong>{{page.title}}</strong>.</p>" + Sessions + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Booking request approved", BookingEvent.Approved, 30,
        [
            Customer("Your booking is confirmed: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>{{page.ownerName}} approved your request for <strong>{{page.title}}</strong>.</p>" + Sessions + ManageButtons),
        ]),
        Rule("Booking request declined", BookingEvent.Declined, 40,
        [
            Customer("Your booking request was declined: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Sorry, {{page.ownerName}} can't take your request for <strong>{{page.title}}</strong>.</p>" + Sessions + Reason),
        ]),
        Rule("Booking rescheduled", BookingEvent.Rescheduled, 50,
        [
            Customer("Booking rescheduled: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>Your booking of <strong>{{page.title}}</strong> has a new time.</p>" + Changed + Reason + ManageButtons),
            .. Team("Booking rescheduled: {{customer.name}} · {{page.title}}",
                "<p>{{customer.name}}'s booking of <strong>{{page.title}}</strong> moved.</p>" + Changed + Reason + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Booking cancelled", BookingEvent.Cancelled, 60,
        [
            Customer("Booking cancelled: {{page.title}}",
                "<p>Hi {{customer.name}},</p><p>These sessions of <strong>{{page.title}}</strong> are cancelled:</p>" + Changed + Reason),
            .. Team("Booking cancelled: {{customer.name}} · {{page.title}}",
                "<p>Sessions of {{customer.name}}'s booking of <strong>{{page.title}}</strong> are cancelled:</p>" + Changed + Reason + "<p>Reference: {{booking.reference}}</p>"),
        ]),
        Rule("Reminder 24 hours before", BookingEvent.ReminderDue, 70,
        [
            Customer("Reminder: {{page.title}} is coming up",
                "<p>Hi {{customer.name}},</p><p>A reminder of your booking of <strong>{{page.title}}</strong> with {{page.ownerName}}:</p>" + Sessions + ManageButtons),
        ]),
    ];

    private static NotificationRule Rule(string name, BookingEvent bookingEvent, int order, List<NotificationTask> tasks)
        => new() { Name = name, Event = bookingEvent, Order = order, ReminderHours = 24, Tasks = tasks };

    private static NotificationTask Customer(string subject, string body)
        => new(NotificationTaskKind.SendEmail, RecipientKind.Customer, Subject: subject, Body: body);

    /// <summary>One task for the owner and one for the stakeholders, so either can be switched off alone.</summary>
    private static NotificationTask[] Team(string subject, string body)
        =>
        [
            new(NotificationTaskKind.SendEmail, RecipientKind.Owner, Subject: subject, Body: body),
            new(NotificationTaskKind.SendEmail, RecipientKind.Stakeholders, Subject: subject, Body: body),
        ];
}

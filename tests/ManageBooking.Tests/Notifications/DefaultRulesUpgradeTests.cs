using ManageBooking.Models.Notifications;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Notifications;

/// <summary>A site seeded before partial cancellations had their own title gets the new default, unless its owner edited it.</summary>
public sealed class DefaultRulesUpgradeTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Changed = "<ul>{{#each changed}}<li>{{#if to}}<s>{{from}}</s> → <strong>{{to}}</strong>{{else}}{{from}}{{/if}}</li>{{/each}}</ul><p style=\"color:#4d5561;font-size:13px\">{{zoneLabel}}</p>";

    [Fact]
    public async Task UntouchedOldCancellationTemplates_AreUpgradedAtStart_AndAnEditedOneIsLeftAlone()
    {
        var oldCustomer = new NotificationTask(NotificationTaskKind.SendEmail, RecipientKind.Customer, Subject: "Booking cancelled: {{page.title}}",
            Body: "<p>Hi {{customer.name}},</p><p>These sessions of <strong>{{page.title}}</strong> are cancelled:</p>" + Changed + "{{#if reason}}<p><strong>Reason:</strong> {{reason}}</p>{{/if}}",
            Translations: [new TemplateTranslation("fr", "Réservation annulée : {{page.title}}",
                "<p>Bonjour {{customer.name}},</p><p>Ces séances de <strong>{{page.title}}</strong> sont annulées :</p>" + Changed + "{{#if reason}}<p><strong>Motif :</strong> {{reason}}</p>{{/if}}")]);
        var edited = new NotificationTask(NotificationTaskKind.SendEmail, RecipientKind.Owner, Subject: "Cancelled, {{customer.name}}", Body: "<p>Mine.</p>");
        Guid ruleId = default;
        await App.ArrangeAsync(async db =>
        {
            var rule = await db.NotificationRules.SingleAsync(r => r.SeedKey == DefaultNotificationRules.SeedKeyFor(BookingEvent.Cancelled));
            ruleId = rule.Id;
            rule.Tasks = [oldCustomer, edited, rule.Tasks[2]];
        });
        Assert.Equal(3, DefaultNotificationRules.Create().Single(r => r.Event == BookingEvent.Cancelled).Tasks.Count);

        await using (var restarted = new ManageBookingApp(App.Database, Clock))
        {
            var tasks = await restarted.QueryAsync(db => db.NotificationRules.Where(r => r.Id == ruleId).Select(r => r.Tasks).SingleAsync());

            Assert.Equal("{{#if partial}}Sessions cancelled{{else}}Booking cancelled{{/if}}: {{page.title}}", tasks[0].Subject);
            Assert.Equal("{{#if partial}}Séances annulées{{else}}Réservation annulée{{/if}} : {{page.title}}", tasks[0].TranslationFor("fr")?.Subject);
            Assert.NotEqual(Guid.Empty, tasks[0].Id);
            Assert.Equal(("Cancelled, {{customer.name}}", "<p>Mine.</p>"), (tasks[1].Subject, tasks[1].Body));
        }
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Notifications;

/// <summary>
/// The notification rule editor as an owner uses it without script: create a rule with tasks, reorder, remove, switch
/// off and delete (queued messages withdrawn, the dispatcher unharmed), every change in the audit list, and a preview
/// that renders the unsaved templates in each language inside a sandbox.
/// </summary>
public abstract class RuleEditorTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string AdminEmail = "admin@example.test";

    [Fact]
    public async Task CreatingARule_AddsAWebhookAndAnEmailToTheDraft_ThenSavesThemInOrder_AndAudits()
    {
        using var admin = await AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/notifications/new");
        var named = new[] { ("Name", "Thanks and CRM"), ("Event", "Confirmed") };

        page = await DraftAsync(admin, page, [.. named, ("NewTask", "Webhook"), ("Command", "add")]);
        page = await DraftAsync(admin, page, [.. named, ("Tasks[0].WebhookUrl", "https://hooks.example.test/crm"), ("NewTask", "CustomerEmail"), ("Command", "add")]);

        Assert.Equal(["Task 1: webhook", "Task 2: email to the customer"], Legends(page));
        Assert.Equal("https://hooks.example.test/crm", page.QuerySelector<IHtmlInputElement>("[name='Tasks[0].WebhookUrl']")?.Value);
        Assert.Equal(0, await App.QueryAsync(db => db.NotificationRules.CountAsync(r => r.Name == "Thanks and CRM"))); // a draft is not saved
        using var created = await SubmitAsync(admin, page, [.. named, ("Tasks[1].Subject", "Thanks, {{customer.name}}"), ("Tasks[1].Body", "<p>Thank you.</p>")]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var rule = await App.QueryAsync(db => db.NotificationRules.SingleAsync(r => r.Name == "Thanks and CRM"));
        Assert.Equal($"/admin/notifications/{rule.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal((BookingEvent.Confirmed, true, null), (rule.Event, rule.Enabled, rule.BookingPageId));
        Assert.Equal([NotificationTaskKind.CallWebhook, NotificationTaskKind.SendEmail], rule.Tasks.Select(t => t.Kind));
        Assert.Equal("https://hooks.example.test/crm", rule.Tasks[0].WebhookUrl);
        Assert.StartsWith("whsec_", rule.Tasks[0].WebhookSecret, StringComparison.Ordinal); // every delivery signed
        Assert.Equal(("Thanks, {{customer.name}}", RecipientKind.Customer), (rule.Tasks[1].Subject, rule.Tasks[1].Recipients));
        Assert.All(rule.Tasks, t => Assert.NotEqual(Guid.Empty, t.Id));
        var entry = await App.QueryAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AdminEmail, AuditAction.RuleCreated, "Thanks and CRM", "Confirmed; 2 tasks"), (entry.Actor, entry.Action, entry.Subject, entry.Detail));

        // It fires: the next confirmed booking queues both, the webhook first.
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var queued = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.RuleId == rule.Id).Select(m => m.Kind).ToListAsync());
        Assert.Equal([OutboxKind.Email, OutboxKind.Webhook], queued.Order());
    }

    [Fact]
    public async Task CreatingARule_RefusesAnInwardWebhook_AnUnknownPageAndAMissingName_AndStoresNothing()
    {
        using var admin = await AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/notifications/new");
        page = await DraftAsync(admin, page, ("NewTask", "Webhook"), ("Command", "add"));

        using var refused = await SubmitAsync(admin, page, ("Name", " "), ("BookingPageId", Guid.NewGuid().ToString()), ("Tasks[0].WebhookUrl", "https://crm:hunter2@hooks.example.test/crm"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = await HtmlPage.ParseAsync(refused);
        Assert.NotNull(shown.QuerySelector("#Name-error"));
        Assert.Equal("Choose a page from the list.", shown.QuerySelector("#BookingPageId-error")?.TextContent);
        Assert.StartsWith("Refused", shown.QuerySelector("[id='Tasks[0].WebhookUrl-error']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Task 1: webhook"], Legends(shown)); // the draft is shown again, not lost
        Assert.Equal(0, await App.QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(DefaultNotificationRules.Create().Count, await App.QueryAsync(db => db.NotificationRules.CountAsync()));
    }

    [Fact]
    public async Task MovingATaskDown_ChangesOnlyTheDraft_UntilSaved_ThenTheOrderIsKeptAndAudited()
    {
        using var admin = await AdministratorAsync();
        var rule = await App.QueryAsync(db => db.NotificationRules.AsNoTracking().SingleAsync(r => r.Name == "Booking confirmed"));
        var ids = rule.IdentifiedTasks().Select(t => t.Id).ToList();
        var page = await HtmlPage.GetAsync(admin, $"/admin/notifications/{rule.Id}");
        Assert.Equal(["Task 1: email to the customer", "Task 2: email to the owner", "Task 3: email to the stakeholders"], Legends(page));
        Assert.NotNull(page.QuerySelector($"button[name=Command][value='up:{ids[0]}'][disabled]")); // the first cannot go up

        page = await DraftAsync(admin, page, ("Command", $"down:{ids[0]}"));

        Assert.Equal(["Task 1: email to the owner", "Task 2: email to the customer", "Task 3: email to the stakeholders"], Legends(page));
        Assert.Equal("Booking confirmed: {{page.title}}", page.QuerySelector<IHtmlInputElement>("[name='Tasks[1].Subject']")?.Value); // its fields moved with it
        Assert.Equal("Réservation confirmée : {{page.title}}", page.QuerySelector<IHtmlInputElement>("[name='Tasks[1].Translations[0].Subject']")?.Value);
        Assert.Equal(ids, await TaskIdsAsync(rule.Id));

        using var saved = await SubmitAsync(admin, page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([ids[1], ids[0], ids[2]], await TaskIdsAsync(rule.Id));
        var entry = await App.QueryAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditAction.RuleChanged, "Booking confirmed", "tasks reordered"), (entry.Action, entry.Subject, entry.Detail));
        Assert.Equal(["Task 1: email to the owner", "Task 2: email to the customer", "Task 3: email to the stakeholders"], Legends(await HtmlPage.GetAsync(admin, $"/admin/notifications/{rule.Id}")));
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesChange_IsRefused_AndTheirChangeStays()
    {
        using var admin = await AdministratorAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Name == "Booking confirmed").Select(r => r.Id).SingleAsync());
        var mine = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var theirs = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        using (var first = await SubmitAsync(admin, theirs, ("Name", "Their name")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var stale = await SubmitAsync(admin, mine, ("Name", "My name"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var shown = await HtmlPage.ParseAsync(stale);
        Assert.Contains("Someone else changed this rule after you opened it", shown.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("My name", shown.QuerySelector<IHtmlInputElement>("#Name")?.Value); // what was typed is still there to copy
        Assert.Equal("Their name", await App.QueryAsync(db => db.NotificationRules.Where(r => r.Id == ruleId).Select(r => r.Name).SingleAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task RemovingATask_WithdrawsItsQueuedMessages_AndLeavesTheOthers()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await AdministratorAsync();
        var rule = await App.QueryAsync(db => db.NotificationRules.AsNoTracking().SingleAsync(r => r.Name == "Booking confirmed"));
        var owner = rule.IdentifiedTasks().ElementAt(1).Id;
        var page = await DraftAsync(admin, await HtmlPage.GetAsync(admin, $"/admin/notifications/{rule.Id}"), ("Command", $"remove:{owner}"));
        Assert.Equal(["Task 1: email to the customer", "Task 2: email to the stakeholders"], Legends(page));

        using var saved = await SubmitAsync(admin, page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var messages = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.RuleId == rule.Id).ToListAsync());
        var withdrawn = Assert.Single(messages, m => m.TaskId == owner);
        Assert.Equal((OutboxStatus.Cancelled, "Withdrawn: its task was removed from the rule before it was sent."), (withdrawn.Status, withdrawn.LastError));
        Assert.All(messages.Where(m => m.TaskId != owner), m => Assert.Equal(OutboxStatus.Pending, m.Status));
        Assert.Equal(2, await App.DispatchAsync());
        Assert.Contains("email to the owner removed", await App.QueryAsync(db => db.AuditEntries.Select(a => a.Detail).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingARule_AsksFirst_WithdrawsWhatIsQueued_TheDispatcherSkipsWhatASenderHeld_AndTheDefaultNeverReturns()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await AdministratorAsync();
        var rule = await App.QueryAsync(db => db.NotificationRules.AsNoTracking().SingleAsync(r => r.Name == "Booking confirmed"));
        var held = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.RuleId == rule.Id).OrderBy(m => m.Recipient).Select(m => m.Id).FirstAsync());
        await App.ArrangeAsync(async db =>
        {
            // A sender on another node holds this one at the moment of the delete.
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == held);
            message.LeaseUntilUtc = Clock.GetUtcNow().UtcDateTime.AddSeconds(10);
            message.LeaseOwner = "another node";
        });

        var confirm = await HtmlPage.GetAsync(admin, $"/admin/notifications/{rule.Id}/delete");
        Assert.Contains("3 message(s) of this rule wait to be sent", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DefaultNotificationRules.Create().Count, await App.QueryAsync(db => db.NotificationRules.CountAsync())); // asking deletes nothing
        using var deleted = await HtmlPage.SubmitAsync(admin, confirm.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == $"/admin/notifications/{rule.Id}/delete"), $"/admin/notifications/{rule.Id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var list = await HtmlPage.GetAsync(admin, "/admin/notifications");
        Assert.Contains("Deleted \"Booking confirmed\". 2 message(s) waiting to be sent were withdrawn.", list.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(list.QuerySelectorAll(".mb-rule-name"), a => a.TextContent == "Booking confirmed");
        using (var gone = await admin.GetAsync(new Uri($"/admin/notifications/{rule.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var statuses = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.RuleId == rule.Id).ToDictionaryAsync(m => m.Id, m => (m.Status, m.LastError)));
        Assert.Equal(OutboxStatus.Pending, statuses[held].Status);
        Assert.All(statuses.Where(s => s.Key != held), s => Assert.Equal((OutboxStatus.Cancelled, "Withdrawn: its rule was deleted before it was sent."), s.Value));

        // The held message's lease runs out (its sender died): the dispatcher finds no rule and withdraws it, no crash.
        Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await App.DispatchAsync());
        var last = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == held));
        Assert.Equal(OutboxStatus.Cancelled, last.Status);
        Assert.StartsWith("Withdrawn: its rule or task", last.LastError, StringComparison.Ordinal);
        var entry = await App.QueryAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AdminEmail, AuditAction.RuleDeleted, "Booking confirmed", "Confirmed; 3 tasks; 2 queued message(s) withdrawn"), (entry.Actor, entry.Action, entry.Subject, entry.Detail));

        // A booking now sends nothing for it, and a restart (seeding again) does not bring the default back.
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T11:00:00-05:00");
        Assert.Equal(3, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.RuleId == rule.Id)));
        await using var restarted = new ManageBookingApp(App.Database, Clock);
        Assert.False(await restarted.QueryAsync(db => db.NotificationRules.AnyAsync(r => r.Name == "Booking confirmed")));
        Assert.Empty(await restarted.QueryAsync(db => db.NotificationRules.IgnoreQueryFilters().Where(r => r.Id == rule.Id).Select(r => r.Tasks).SingleAsync())); // no addresses or secrets kept
    }

    [Fact]
    public async Task ADeletedDefaultRule_StaysDeletedWhenTheSiteStartsAgain()
    {
        using var admin = await AdministratorAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Event == BookingEvent.RescheduleRequested).Select(r => r.Id).SingleAsync());
        using (await AdminSession.PostFormAsync(admin, $"/admin/notifications/{ruleId}/delete", $"/admin/notifications/{ruleId}/delete"))
        {
        }

        // Seeding adds the default rule of an event a later version brought when a site lacks it: a deleted one is not lacking.
        await using var restarted = new ManageBookingApp(App.Database, Clock);
        Assert.False(await restarted.QueryAsync(db => db.NotificationRules.AnyAsync(r => r.Event == BookingEvent.RescheduleRequested)));
        Assert.Equal(DefaultNotificationRules.Create().Count - 1, await restarted.QueryAsync(db => db.NotificationRules.CountAsync()));
    }

    [Fact]
    public async Task SwitchingARuleOffFromTheList_StopsIt_AndAudits()
    {
        using var admin = await AdministratorAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Name == "Booking confirmed").Select(r => r.Id).SingleAsync());
        var list = await HtmlPage.GetAsync(admin, "/admin/notifications");
        var toggle = list.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == $"/admin/notifications/{ruleId}/enabled");

        using var off = await HtmlPage.SubmitAsync(admin, toggle, $"/admin/notifications/{ruleId}/enabled");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await App.QueryAsync(db => db.NotificationRules.Where(r => r.Id == ruleId).Select(r => r.Enabled).SingleAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.RuleId == ruleId)));
        var row = (await HtmlPage.GetAsync(admin, "/admin/notifications")).QuerySelectorAll("tr").Single(r => r.QuerySelector(".mb-rule-name")?.TextContent == "Booking confirmed");
        Assert.Contains("Off", row.TextContent, StringComparison.Ordinal);
        Assert.Equal((AuditAction.RuleChanged, "switched off"), await App.QueryAsync(async db => await db.AuditEntries.Select(a => new ValueTuple<AuditAction, string?>(a.Action, a.Detail)).SingleAsync()));
    }

    [Fact]
    public async Task AReminderSetTo48Hours_IsShownAs48HoursBefore_InTheListAndTheHeading()
    {
        using var admin = await AdministratorAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Event == BookingEvent.ReminderDue).Select(r => r.Id).SingleAsync());
        var page = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        Assert.Equal("Reminder · 24 hours before", page.QuerySelector("h1")?.TextContent);

        using var saved = await SubmitAsync(admin, page, ("ReminderHours", "48"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Reminder · 48 hours before", (await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}")).QuerySelector("h1")?.TextContent);
        var row = (await HtmlPage.GetAsync(admin, "/admin/notifications")).QuerySelectorAll("tr").Single(r => r.QuerySelector($"a[href='/admin/notifications/{ruleId}']") is not null);
        Assert.Equal("Reminder · 48 hours before", row.QuerySelector(".mb-rule-name")?.TextContent);
        Assert.Contains("48 hours before each session", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("24 → 48 hours before", await App.QueryAsync(db => db.AuditEntries.Select(a => a.Detail).SingleAsync()));
    }

    [Fact]
    public async Task ANewReminderRule_RemindsOfBookingsAlreadyMade_AndFollowsItsSwitchAndPage()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-05T10:00:00-05:00");
        using var admin = await AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/notifications/new");
        var rule = new[] { ("Name", "Two hours before"), ("Event", "ReminderDue"), ("ReminderHours", "2") };
        page = await DraftAsync(admin, page, [.. rule, ("NewTask", "OwnerEmail"), ("Command", "add")]);

        using (var created = await SubmitAsync(admin, page, rule))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Name == "Two hours before").Select(r => r.Id).SingleAsync());
        var reminder = Assert.Single(await RemindersAsync(ruleId));
        Assert.Equal((OutboxStatus.Pending, new DateTime(2026, 3, 5, 13, 0, 0, DateTimeKind.Utc), "alex@example.com"), (reminder.Status, reminder.DueUtc, reminder.Recipient));

        var toggle = (await HtmlPage.GetAsync(admin, "/admin/notifications")).QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == $"/admin/notifications/{ruleId}/enabled");
        using (await HtmlPage.SubmitAsync(admin, toggle, toggle.GetAttribute("action")!))
        {
        }

        Assert.Equal(OutboxStatus.Cancelled, Assert.Single(await RemindersAsync(ruleId)).Status);
        toggle = (await HtmlPage.GetAsync(admin, "/admin/notifications")).QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == $"/admin/notifications/{ruleId}/enabled");
        using (await HtmlPage.SubmitAsync(admin, toggle, toggle.GetAttribute("action")!))
        {
        }

        Assert.Single(await RemindersAsync(ruleId), m => m.Status == OutboxStatus.Pending);
        var consultation = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "consultation").Select(p => p.Id).SingleAsync());
        using (var moved = await SubmitAsync(admin, await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}"), ("BookingPageId", consultation.ToString())))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        Assert.All(await RemindersAsync(ruleId), m => Assert.Equal(OutboxStatus.Cancelled, m.Status)); // the booking is on another page
    }

    [Fact]
    public async Task ThePreview_RendersTheUnsavedTemplates_InEachLanguage_InsideTheEmailLayout_UnderASandbox()
    {
        using var admin = await AdministratorAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Name == "Booking confirmed").Select(r => r.Id).SingleAsync());
        var page = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var taskId = page.QuerySelector<IHtmlInputElement>("[name='Tasks[0].Id']")!.Value;
        var frame = page.QuerySelector<IHtmlInlineFrameElement>($"iframe[name='mb-preview-{Guid.Parse(taskId):N}']");
        Assert.Equal("", frame?.GetAttribute("sandbox")); // the editor's frame: no script, opaque origin
        Assert.NotNull(page.QuerySelector($"button[name=PreviewTask][value='{taskId}'][formaction='/admin/notifications/preview'][formtarget='mb-preview-{Guid.Parse(taskId):N}']"));

        using var preview = await SubmitAsync(admin, page, "/admin/notifications/preview",
            ("Tasks[0].Subject", "Unsaved, {{customer.name}}"),
            ("Tasks[0].Body", "<p>Unsaved body for {{page.title}}.</p><script>parent.document.title = 'pwned'</script>"),
            ("PreviewTask", taskId));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var policy = string.Join(";", preview.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("sandbox;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal); // default-src 'none' forbids every script
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        var document = await HtmlPage.ParseAsync(preview);
        Assert.Empty(document.QuerySelectorAll("script")); // the owner's script is only text inside srcdoc
        var english = document.QuerySelector("[data-culture='en']")!;
        var french = document.QuerySelector("[data-culture='fr']")!;
        Assert.Equal("Unsaved, Ada Lovelace", english.QuerySelector(".mb-preview-subject")?.TextContent);
        Assert.Equal("Réservation confirmée : Sample package", french.QuerySelector(".mb-preview-subject")?.TextContent);
        var englishFrame = english.QuerySelector<IHtmlInlineFrameElement>("iframe")!;
        var frenchFrame = french.QuerySelector<IHtmlInlineFrameElement>("iframe")!;
        Assert.Equal("", englishFrame.GetAttribute("sandbox"));
        Assert.Equal("", frenchFrame.GetAttribute("sandbox"));
        var englishEmail = englishFrame.GetAttribute("srcdoc")!;
        Assert.Contains("Unsaved body for Sample package.", englishEmail, StringComparison.Ordinal);
        Assert.Contains("Sent by", englishEmail, StringComparison.Ordinal); // inside the theme's email layout
        Assert.Contains("/booking/manage/example-link", englishEmail, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\"", frenchFrame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        Assert.Contains("Gérer votre réservation", frenchFrame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        var stored = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Id == ruleId).Select(r => r.Tasks).SingleAsync());
        Assert.Equal("Booking confirmed: {{page.title}}", stored[0].Subject); // a preview saves nothing

        // The editor page itself keeps its policy: scripts from the site only, and frames of the site's own documents.
        using var editor = await admin.GetAsync(new Uri($"/admin/notifications/{ruleId}", UriKind.Relative));
        var editorPolicy = string.Join(";", editor.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", editorPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-src 'self';", editorPolicy, StringComparison.Ordinal);
        using var bookingPage = await Client.GetAsync(new Uri("/book/30-minute-meeting", UriKind.Relative));
        Assert.DoesNotContain("frame-src", string.Join(";", bookingPage.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreview_OfATeamEmail_IsInTheSiteLanguage_AndOfAWebhook_IsItsJsonBody()
    {
        using var admin = await AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/notifications/new");
        page = await DraftAsync(admin, page, ("Event", "Cancelled"), ("NewTask", "OwnerEmail"), ("Command", "add"));
        page = await DraftAsync(admin, page, ("Event", "Cancelled"), ("NewTask", "Webhook"), ("Command", "add"));
        var ownerTask = page.QuerySelector<IHtmlInputElement>("[name='Tasks[0].Id']")!.Value;
        var webhookTask = page.QuerySelector<IHtmlInputElement>("[name='Tasks[1].Id']")!.Value;

        using var owner = await SubmitAsync(admin, page, "/admin/notifications/preview", ("Event", "Cancelled"), ("PreviewTask", ownerTask));
        using var webhook = await SubmitAsync(admin, page, "/admin/notifications/preview", ("Event", "Cancelled"), ("PreviewTask", webhookTask));
        using var missing = await SubmitAsync(admin, page, "/admin/notifications/preview", ("Event", "Cancelled"), ("PreviewTask", Guid.NewGuid().ToString()));

        var ownerPreview = await HtmlPage.ParseAsync(owner);
        Assert.Equal(["en"], ownerPreview.QuerySelectorAll("[data-culture]").Select(s => s.GetAttribute("data-culture")));
        Assert.Contains("Ada Lovelace (ada@example.com)", ownerPreview.QuerySelector("iframe")?.GetAttribute("srcdoc"), StringComparison.Ordinal);
        Assert.Contains("always in English", ownerPreview.Body!.TextContent, StringComparison.Ordinal);
        var json = System.Text.Json.JsonDocument.Parse((await HtmlPage.ParseAsync(webhook)).QuerySelector("pre")!.TextContent).RootElement;
        Assert.Equal("booking.cancelled", json.GetProperty("type").GetString());
        Assert.Equal("MB-SAMPLE", json.GetProperty("data").GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("no such task", (await HtmlPage.ParseAsync(missing)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVariablesListed_AreTheRenderersOwn_AndEachOneRenders()
    {
        using var admin = await AdministratorAsync();
        var page = await HtmlPage.GetAsync(admin, "/admin/notifications/new");
        var listed = page.QuerySelectorAll(".mb-variables dt code").Select(c => c.TextContent).ToList();

        Assert.Contains("{{customer.name}}", listed);
        Assert.Contains("{{links.manage}}", listed);
        Assert.Contains("{{#each sessions}}…{{/each}}", listed);
        Assert.Contains("{{#if partial}}…{{/if}}", listed);
        Assert.Equal("Ada Lovelace", page.QuerySelectorAll(".mb-variables dt").Single(d => d.TextContent == "{{customer.name}}").NextElementSibling?.TextContent);
        await using var scope = App.CreateScope();
        var renderer = scope.ServiceProvider.GetRequiredService<NotificationRenderer>();
        var template = string.Concat(listed.Select(v => v.Replace("…", "x", StringComparison.Ordinal)));
        Assert.Null(renderer.TemplateError(template, subject: false));
    }

    private Task<List<OutboxMessage>> RemindersAsync(Guid ruleId)
        => App.QueryAsync(db => db.OutboxMessages.Where(m => m.RuleId == ruleId && m.SessionLineageId != null).ToListAsync());

    private static string[] Legends(IHtmlDocument page) => [.. page.QuerySelectorAll(".mb-rule-task > legend").Select(l => l.TextContent.Trim())];

    private static IHtmlFormElement EditorForm(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.mb-rule-form")!;

    private Task<List<Guid>> TaskIdsAsync(Guid ruleId)
        => App.QueryAsync(async db => (await db.NotificationRules.AsNoTracking().SingleAsync(r => r.Id == ruleId)).IdentifiedTasks().Select(t => t.Id).ToList());

    /// <summary>Posts the editor's form (all its fields, some changed) to its own address.</summary>
    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, params (string Name, string Value)[] changes)
        => SubmitAsync(client, page, EditorForm(page).GetAttribute("action")!, changes);

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlDocument page, string url, params (string Name, string Value)[] changes)
    {
        var form = EditorForm(page);
        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => i.Name!).ToHashSet();
        var visible = HtmlPage.FormValues(form, [.. changes.Where(c => !hidden.Contains(c.Name))]);
        var overridden = changes.Where(c => hidden.Contains(c.Name)).ToList();
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => overridden.All(o => o.Name != i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(overridden.Select(o => new KeyValuePair<string, string>(o.Name, o.Value)))
            .Concat(visible.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Presses a draft button of the editor (a change of the form, not a save) and reads the form it answers with.</summary>
    private static async Task<IHtmlDocument> DraftAsync(HttpClient client, IHtmlDocument page, params (string Name, string Value)[] changes)
    {
        using var response = await SubmitAsync(client, page, changes);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the draft change answered {(int)response.StatusCode}");
        return await HtmlPage.ParseAsync(response);
    }

    private async Task<HttpClient> AdministratorAsync()
    {
        await AdminSession.CreateUserAsync(App, AdminEmail, Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, AdminEmail);
    }
}

public sealed class SqliteRuleEditorTests() : RuleEditorTests(DatabaseProvider.Sqlite);

public sealed class PostgresRuleEditorTests() : RuleEditorTests(DatabaseProvider.Postgres);

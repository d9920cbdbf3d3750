using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Notifications;

/// <summary>
/// The product's promise, read from the real .eml files of the pickup directory: every customer email carries a
/// Manage your booking link that opens the booking, whoever made the change and whenever the email goes out.
/// </summary>
public abstract partial class ManageLinkEmailTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Customer = "ada@example.com";
    private const string Package = "15-minute-package";
    private readonly Dictionary<string, JsonElement> _decoded = [];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ManageBooking:Outbox:MaxAttempts"] = "3",

        // The redirecting endpoint listens on loopback over http, which the webhook guard refuses unless told otherwise.
        ["ManageBooking:Webhooks:AllowPrivateNetworks"] = "true",
        ["ManageBooking:Webhooks:AllowHttp"] = "true",
    };

    [Fact]
    public async Task EveryCustomerEmail_CarriesALinkThatOpensTheManagePage_WhoeverMadeTheChange()
    {
        var (_, token) = await BookWithTokenAsync(Package, "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        var sessions = await SessionIdsAsync();
        await StaffAsync((manage, id, staff) => manage.RescheduleAsync(id, sessions[0], "2026-03-09T10:00:00-04:00", "Coach away", staff, null, CancellationToken.None));
        using (var cancelled = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { sessionIds = new[] { sessions[2] }, reason = "Holiday" }))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await BookWithTokenAsync("marketing-call", "2026-03-10T13:00:00-04:00");
        var request = await App.QueryAsync(db => db.Bookings.Where(b => b.Status == BookingStatus.Pending).Select(b => b.Id).SingleAsync());
        await StaffAsync((manage, _, staff) => manage.ApproveAsync(request, staff, CancellationToken.None));
        Clock.Set(new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.Zero)); // the reminder of the package's second session is due
        await App.DispatchAsync();

        var mails = CustomerEmails();
        string[] expected =
        [
            "Booking confirmed: 15-minute coaching package", "Booking rescheduled: 15-minute coaching package", "Sessions cancelled: 15-minute coaching package",
            "We received your booking request: Marketing call", "Your booking is confirmed: Marketing call", "Reminder: 15-minute coaching package is coming up",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), mails.Select(m => m.Subject()).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            var link = ManageToken(mail);
            Assert.True(link is not null, "no manage link in: " + mail.Subject());
            Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/booking/manage/{link}"));
            Assert.Contains($"/booking/manage/{link}", mail.Text(), StringComparison.Ordinal); // the plain-text part too
        }

        var partial = mails.Single(m => m.Subject().StartsWith("Sessions cancelled", StringComparison.Ordinal)).Html();
        Assert.Contains("Still booked", partial, StringComparison.Ordinal);
        Assert.Contains("Holiday", partial, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(partial[partial.IndexOf("Still booked", StringComparison.Ordinal)..], "<li>"));
    }

    [Fact]
    public async Task AFullyCancelledBooking_IsToldWithALinkToBookAgainInsteadOfManaging()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using (await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "Plans changed" }))
        {
        }

        await App.DispatchAsync();

        var cancelled = CustomerEmails().Single(m => m.Subject() == "Booking cancelled: 30-minute meeting");
        Assert.Null(ManageToken(cancelled));
        var again = new Uri(BookAgain().Match(cancelled.Html()).Groups["href"].Value);
        Assert.Equal("/book/30-minute-meeting", again.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(again.AbsolutePath));
    }

    [Fact]
    public async Task AfterRegenerate_AReminderForcedDueCarriesTheNewLink_AndTheOldOneIs404()
    {
        var (_, old) = await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        await App.DispatchAsync();
        await StaffAsync((manage, id, staff) => manage.RegenerateLinkAsync(id, staff, CancellationToken.None));

        await ForceRemindersDueAsync();
        await App.DispatchAsync();

        var reminder = CustomerEmails().Single(m => m.Subject().StartsWith("Reminder", StringComparison.Ordinal));
        var fresh = ManageToken(reminder);
        Assert.NotNull(fresh);
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/booking/manage/{fresh}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/booking/manage/{old}"));
    }

    [Fact]
    public async Task TwoResends_LeaveOnePendingReminderPerSession_AndSendTheLinkTheCustomerHasAlready()
    {
        var (_, first) = await BookWithTokenAsync(Package, "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");

        await StaffAsync((manage, id, staff) => manage.ResendConfirmationAsync(id, staff, CancellationToken.None));
        await StaffAsync((manage, id, staff) => manage.ResendConfirmationAsync(id, staff, CancellationToken.None));
        await App.DispatchAsync();

        var pending = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.SessionLineageId != null && m.Status == OutboxStatus.Pending).ToListAsync());
        Assert.Equal(3, pending.Count);
        Assert.Equal(3, pending.Select(m => m.SessionLineageId).Distinct().Count());
        var confirmations = CustomerEmails().Where(m => m.Subject().StartsWith("Booking confirmed", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, confirmations.Count);
        Assert.All(confirmations, m => Assert.Equal(first, ManageToken(m)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/booking/manage/{first}"));
    }

    [Fact]
    public async Task AfterTheToggleIsSwitchedOff_AReminderForcedDueHasNoManageLinks_AndSaysHowToReachTheOwner()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        await App.ArrangeAsync(async db => (await db.BookingPages.SingleAsync(p => p.Slug == "30-minute-meeting")).Manage.Enabled = false);

        await ForceRemindersDueAsync();
        await App.DispatchAsync();

        var reminder = CustomerEmails().Single(m => m.Subject().StartsWith("Reminder", StringComparison.Ordinal));
        Assert.DoesNotContain("/booking/manage/", reminder.Html(), StringComparison.Ordinal);
        Assert.DoesNotContain("/booking/manage/", reminder.Calendar().GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.Contains("To change this booking, contact Alex", reminder.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingAReminderRulesHours_MovesThePendingReminders()
    {
        await BookWithTokenAsync(Package, "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        var before = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.SessionLineageId != null).OrderBy(m => m.DueUtc).Select(m => m.DueUtc).ToListAsync());
        Assert.Equal([new DateTime(2026, 3, 3, 14, 0, 0), new DateTime(2026, 3, 4, 14, 0, 0), new DateTime(2026, 3, 5, 14, 0, 0)], before);

        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Event == BookingEvent.ReminderDue).Select(r => r.Id).SingleAsync());
        var editor = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var form = editor.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == $"/admin/notifications/{ruleId}");
        using var saved = await HtmlPage.SubmitAsync(admin, form, $"/admin/notifications/{ruleId}", HtmlPage.FormValues(form, ("ReminderHours", "48")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.SessionLineageId != null).OrderBy(m => m.DueUtc).Select(m => new { m.DueUtc, m.Status }).ToListAsync());
        Assert.Equal(
            [(new DateTime(2026, 3, 2, 14, 0, 0), OutboxStatus.Pending), (new DateTime(2026, 3, 3, 14, 0, 0), OutboxStatus.Pending), (new DateTime(2026, 3, 4, 14, 0, 0), OutboxStatus.Pending)],
            after.Select(a => (a.DueUtc, a.Status)));
    }

    [Fact]
    public async Task ATemplateThatFailsOnRealData_NeverFailsTheBooking_AndItsMessageEndsFailedWithTheReason()
    {
        const string Broken = "{{#if customer}}{{> nope}}{{/if}}";
        await App.ArrangeAsync(async db =>
        {
            var rule = await db.NotificationRules.SingleAsync(r => r.Event == BookingEvent.Confirmed);
            rule.Tasks = [rule.Tasks[0] with { Body = Broken }, .. rule.Tasks.Skip(1)];
        });

        using (var booked = await BookAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        await DispatchUntilSettledAsync();

        var failed = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.ForCustomer && m.SessionLineageId == null));
        Assert.Equal((OutboxStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Contains("nope", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(2, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => !m.ForCustomer && m.Status == OutboxStatus.Sent))); // the team's emails went out

        // The editor refuses it: it checks templates against a realistic sample booking, not an empty model.
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");
        var outbox = await HtmlPage.GetAsync(admin, "/admin/outbox?status=failed");
        Assert.Contains("nope", outbox.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var ruleId = failed.RuleId!.Value;
        var editor = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var form = editor.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == $"/admin/notifications/{ruleId}");
        using var refused = await HtmlPage.SubmitAsync(admin, form, $"/admin/notifications/{ruleId}", HtmlPage.FormValues(form, ("Tasks[1].Body", Broken)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await HtmlPage.ParseAsync(refused)).QuerySelector("[id='Tasks[1].Body-error']"));
    }

    [Fact]
    public async Task AnUnsendableAddressAndARedirectingWebhook_EndFailedAfterTheirAttempts_NonePendingForever()
    {
        using var redirect = new RedirectingEndpoint("file:///etc/passwd");
        await App.ArrangeAsync(async db =>
        {
            (await db.BookingPages.SingleAsync(p => p.Slug == "30-minute-meeting")).OwnerEmail = "sam@exa mple.com";
            db.NotificationRules.Add(new NotificationRule { Name = "CRM", Event = BookingEvent.Confirmed, Tasks = [new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: redirect.Url)] });
        });
        using (var booked = await BookAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        await DispatchUntilSettledAsync();

        var rows = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.SessionLineageId == null).ToListAsync());
        var owner = rows.Single(m => m.Recipient == "sam@exa mple.com");
        var hook = rows.Single(m => m.Kind == OutboxKind.Webhook);
        Assert.Equal((OutboxStatus.Failed, 3), (owner.Status, owner.Attempts));
        Assert.Equal((OutboxStatus.Failed, 3), (hook.Status, hook.Attempts));
        Assert.True(redirect.Hits >= 3, $"the webhook was called {redirect.Hits} times");
        Assert.All(new[] { owner, hook }, m => Assert.False(string.IsNullOrWhiteSpace(m.LastError)));
        Assert.Equal(6, await App.QueryAsync(db => db.OutboxAttempts.CountAsync(a => a.MessageId == owner.Id || a.MessageId == hook.Id)));
        Assert.DoesNotContain(rows, m => m.Status == OutboxStatus.Pending);
    }

    [Fact]
    public async Task CalendarFiles_ReadByARealParser_CarryTheLink_EscapeTheName_AndReplayNewMovedCancelledToRemoval()
    {
        const string Name = "Ada\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Wire money; to, \\ \"me\"";
        using (var booked = await Client.PostAsJsonAsync(new Uri("/api/booking-pages/30-minute-meeting/bookings", UriKind.Relative), new { name = Name, email = Customer, timeZone = "Europe/London", starts = new[] { "2026-03-03T10:00:00-05:00" } }, Json))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var url = (await booked.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("manageUrl").GetString()!;
            var token = url[(url.LastIndexOf('/') + 1)..];
            await App.DispatchAsync();
            using (await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-04T11:00:00-05:00" }, Json))
            {
            }

            await App.DispatchAsync();
            using (await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "Plans changed" }, Json))
            {
            }

            await App.DispatchAsync();
        }

        var mails = CustomerEmails().OrderBy(m => m.Subject().StartsWith("Booking confirmed", StringComparison.Ordinal) ? 0 : m.Subject().StartsWith("Booking rescheduled", StringComparison.Ordinal) ? 1 : 2).ToList();
        Assert.Equal(3, mails.Count);
        var calendars = ICalendarParser.Parse([.. mails.Select(m => m.Calendar().GetProperty("text").GetString()!)]);
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.GetProperty("method").GetString()));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], mails.Select(m => m.Calendar().GetProperty("method").GetString()!.ToUpperInvariant()));
        Assert.All(calendars, c => Assert.Equal(["VCALENDAR", "VEVENT"], c.GetProperty("components").EnumerateArray().Select(x => x.GetString())));
        var events = calendars.Select(c => Assert.Single(c.GetProperty("events").EnumerateArray())).ToList();
        for (var i = 0; i < 2; i++)
        {
            var link = ManageLink().Match(mails[i].Html()).Value;
            Assert.Equal(link, events[i].GetProperty("url").GetString());
            Assert.Contains(link, events[i].GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        var attendee = Assert.Single(events[0].GetProperty("attendees").EnumerateArray());
        // The name's line breaks became spaces when it was taken (names keep no control characters); the calendar
        // writer escapes the rest, and CN cannot hold a quote.
        Assert.Equal("Ada END:VEVENT BEGIN:VEVENT SUMMARY:Wire money; to, \\ me", attendee.GetProperty("cn").GetString());
        Assert.Equal("mailto:" + Customer, attendee.GetProperty("address").GetString());

        // A calendar program applying the three files in order: added, moved (a higher SEQUENCE), then removed.
        var calendar = new Dictionary<string, (int Sequence, string Start)>();
        foreach (var (parsed, entry) in calendars.Zip(events))
        {
            var uid = entry.GetProperty("uid").GetString()!;
            var sequence = entry.GetProperty("sequence").GetInt32();
            Assert.True(!calendar.TryGetValue(uid, out var held) || sequence > held.Sequence, "each update must raise SEQUENCE");
            if (parsed.GetProperty("method").GetString() == "CANCEL")
            {
                calendar.Remove(uid);
            }
            else
            {
                calendar[uid] = (sequence, entry.GetProperty("start").GetString()!);
                if (calendar.Count == 1 && sequence == 1)
                {
                    Assert.Equal("2026-03-04T16:00:00+00:00", calendar[uid].Start);
                }
            }
        }

        Assert.Empty(calendar);

        // The owner's copies inform and ask nothing: PUBLISH without attendees, the last one cancelled.
        var owner = Directory.GetFiles(App.MailFolder, "*.eml").Select(SmtpSink.DecodeFile)
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString()!.Contains("alex@example.com", StringComparison.Ordinal)))
            .Select(m => Assert.Single(ICalendarParser.Parse(m.Calendar().GetProperty("text").GetString()!))).ToList();
        Assert.Equal(3, owner.Count);
        Assert.All(owner, c => Assert.Equal("PUBLISH", c.GetProperty("method").GetString()));
        Assert.All(owner, c => Assert.Empty(Assert.Single(c.GetProperty("events").EnumerateArray()).GetProperty("attendees").EnumerateArray()));
        Assert.Contains(owner, c => c.GetProperty("events")[0].GetProperty("status").GetString() == "CANCELLED");
    }

    [Fact]
    public async Task ARowRenderedBeforeTheUpgrade_IsSentAsItIs()
    {
        var id = Guid.NewGuid();
        await App.ArrangeAsync(db =>
        {
            var protector = App.Services.GetRequiredService<ManageBooking.Workflows.Outbox.OutboxPayloadProtector>();
            var mail = new ManageBooking.Workflows.Email.EmailMessage($"<{id:N}@bookings.example.test>", Customer, "Ada", "Queued before the upgrade", "<p>Rendered then.</p>", "Rendered then.", null, null);
            db.OutboxMessages.Add(new OutboxMessage { Id = id, Kind = OutboxKind.Email, Summary = "old", Payload = protector.Protect(new ManageBooking.Workflows.Outbox.OutboxPayload(mail, null)), CreatedUtc = Clock.GetUtcNow().UtcDateTime, DueUtc = Clock.GetUtcNow().UtcDateTime });
            return Task.CompletedTask;
        });

        Assert.Equal(1, await App.DispatchAsync());

        Assert.Equal("Queued before the upgrade", Assert.Single(CustomerEmails()).Subject());
        Assert.Equal(OutboxStatus.Sent, await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
    }

    private async Task StaffAsync(Func<ManageService, Guid, ActorInfo, Task<Outcome<ManagedBooking>>> action)
    {
        await using var scope = App.CreateScope();
        var id = await App.QueryAsync(db => db.Bookings.OrderBy(b => b.CreatedUtc).Select(b => b.Id).FirstAsync());
        var outcome = await action(scope.ServiceProvider.GetRequiredService<ManageService>(), id, new ActorInfo(Actor.Staff, "owner@example.test"));
        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
    }

    private Task<List<Guid>> SessionIdsAsync()
        => App.QueryAsync(db => db.BookingSessions.OrderBy(s => s.StartUtc).Select(s => s.Id).ToListAsync());

    /// <summary>"Forced due": the reminders' moment is now, as an operator would force them.</summary>
    private Task ForceRemindersDueAsync()
        => App.ArrangeAsync(async db =>
        {
            foreach (var reminder in await db.OutboxMessages.Where(m => m.SessionLineageId != null && m.Status == OutboxStatus.Pending).ToListAsync())
            {
                reminder.DueUtc = Clock.GetUtcNow().UtcDateTime;
            }
        });

    /// <summary>Dispatches, lets every back-off pass, and again, until nothing is pending now.</summary>
    private async Task DispatchUntilSettledAsync()
    {
        for (var round = 0; round < 5; round++)
        {
            await App.DispatchAsync();
            Clock.Advance(TimeSpan.FromHours(1));
        }
    }

    private IReadOnlyList<JsonElement> CustomerEmails()
    {
        foreach (var file in Directory.GetFiles(App.MailFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            if (!_decoded.ContainsKey(file))
            {
                _decoded[file] = SmtpSink.DecodeFile(file);
            }
        }

        return [.. _decoded.Values
            .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString()!.Contains(Customer, StringComparison.Ordinal)))
            .OrderBy(m => m.GetProperty("messageId").GetString(), StringComparer.Ordinal)];
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static string? ManageToken(JsonElement mail)
        => ManageLink().Match(mail.Html()) is { Success: true } match ? match.Groups["token"].Value : null;

    [GeneratedRegex(@"https://bookings\.example\.test/booking/manage/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();

    [GeneratedRegex("<a[^>]+href=\"(?<href>[^\"]+/book/[^\"]+)\"")]
    private static partial Regex BookAgain();
}

public sealed class SqliteManageLinkEmailTests() : ManageLinkEmailTests(DatabaseProvider.Sqlite);

public sealed class PostgresManageLinkEmailTests() : ManageLinkEmailTests(DatabaseProvider.Postgres);

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Notifications;

/// <summary>Notifications through a real SMTP server on loopback, on SQLite and on PostgreSQL.</summary>
public abstract class NotificationDeliveryTests(DatabaseProvider provider) : AppTestBase(provider), IDisposable
{
    private const string Customer = "ada@example.com";
    private const string Owner = "alex@example.com";
    private const string Stakeholder = "assistant@example.com";

    private readonly SmtpSink _smtp = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ManageBooking:Email:Smtp:Host"] = "127.0.0.1",
        ["ManageBooking:Email:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ManageBooking:Email:Smtp:EnableSsl"] = "false",
        ["ManageBooking:Email:Smtp:From"] = "bookings@example.test",
        ["ManageBooking:Outbox:MaxAttempts"] = "3",
    };

    public void Dispose()
    {
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Confirmation_ReachesCustomerOwnerAndStakeholder_WithLinksOnlyForTheCustomer()
    {
        var (booking, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        Assert.Equal(3, await App.DispatchAsync());

        var customer = Assert.Single(_smtp.MessagesTo(Customer));
        Assert.Equal("Booking confirmed: 30-minute meeting", customer.Subject());
        Assert.Contains(ManageBookingApp.BaseUrl + "booking/manage/" + token, customer.Html(), StringComparison.Ordinal);
        Assert.Contains($"{ManageBookingApp.BaseUrl}booking/manage/{token}/reschedule", customer.Html(), StringComparison.Ordinal);
        Assert.Contains($"{ManageBookingApp.BaseUrl}booking/manage/{token}/cancel", customer.Html(), StringComparison.Ordinal);
        Assert.Contains("Manage your booking", customer.Text(), StringComparison.Ordinal);
        Assert.Contains(booking.GetProperty("reference").GetString()!, customer.Html(), StringComparison.Ordinal);
        Assert.Contains("Europe/London", customer.Html(), StringComparison.Ordinal); // times in the customer's zone
        foreach (var team in new[] { Owner, Stakeholder })
        {
            var notice = Assert.Single(_smtp.MessagesTo(team));
            Assert.StartsWith("New booking: Ada Lovelace", notice.Subject(), StringComparison.Ordinal);
            Assert.DoesNotContain("/booking/manage/", notice.Html(), StringComparison.Ordinal);
            Assert.Contains("America/New York", notice.Html(), StringComparison.Ordinal); // the page's zone
        }

        Assert.Equal(3, _smtp.Messages().Select(m => m.GetProperty("messageId").GetString()).Distinct().Count());
        Assert.All(await NoticesAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task ABurstOfBookings_IsSentWhole_NotABatchATick()
    {
        // 18 bookings, three emails each: more than one batch of the dispatcher's (50) due at once.
        var starts = new[] { 3, 4, 5 }.SelectMany(day => Enumerable.Range(0, 6).Select(i => new DateTimeOffset(2026, 3, day, 10, 0, 0, TimeSpan.FromHours(-5)).AddMinutes(30 * i)));
        foreach (var start in starts)
        {
            await BookWithTokenAsync("30-minute-meeting", start.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(54, await App.DispatchAsync());

        Assert.Equal(18, _smtp.MessagesTo(Customer).Count);
        Assert.All(await NoticesAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task SelfServiceOff_SendsNoManageLinks()
    {
        await BookWithTokenAsync("consultation", "2026-03-03T10:00:00+01:00");

        await App.DispatchAsync();

        var customer = Assert.Single(_smtp.MessagesTo(Customer));
        Assert.DoesNotContain("/booking/manage/", customer.Html(), StringComparison.Ordinal);
        Assert.DoesNotContain("Manage your booking", customer.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarAttachments_KeepTheUidAndRaiseTheSequenceThroughRescheduleAndCancel()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await App.DispatchAsync();
        using (var moved = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-04T11:00:00-05:00", reason = "Moved, sorry" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await App.DispatchAsync();
        using (var cancelled = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "Plans changed" }))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await App.DispatchAsync();

        var mails = _smtp.MessagesTo(Customer);
        Assert.Equal(["Booking confirmed: 30-minute meeting", "Booking rescheduled: 30-minute meeting", "Booking cancelled: 30-minute meeting"], mails.Select(m => m.Subject()));
        var calendars = mails.Select(m => m.Calendar()).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.GetProperty("method").GetString()));
        var texts = calendars.Select(c => c.GetProperty("text").GetString()!.Replace("\r\n ", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(["METHOD:REQUEST", "METHOD:REQUEST", "METHOD:CANCEL"], texts.Select(t => Field(t, "METHOD")));
        Assert.Equal(["0", "1", "2"], texts.Select(t => Field(t, "SEQUENCE")[9..]));
        Assert.Single(texts.Select(t => Field(t, "UID")).Distinct());
        Assert.Equal(["DTSTART:20260303T150000Z", "DTSTART:20260304T160000Z", "DTSTART:20260304T160000Z"], texts.Select(t => Field(t, "DTSTART")));
        Assert.All(texts, t => Assert.Contains("ORGANIZER;CN=\"Bookings\":mailto:bookings@example.test", t, StringComparison.Ordinal));
        Assert.Contains("Moved, sorry", mails[1].Html(), StringComparison.Ordinal);
        Assert.Contains("Plans changed", _smtp.MessagesTo(Owner)[^1].Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpDownForAWhile_EveryMessageArrivesOnceWhenItIsBack()
    {
        _smtp.Stop();
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        Assert.Equal(3, await App.DispatchAsync());
        var waiting = await NoticesAsync();
        Assert.All(waiting, m => Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts)));
        Assert.All(waiting, m => Assert.NotNull(m.LastError));
        Assert.Equal(3, await App.QueryAsync(db => db.OutboxAttempts.CountAsync(a => !a.Succeeded)));

        _smtp.Start();
        Assert.Equal(0, await App.DispatchAsync()); // not due yet: back-off
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await App.DispatchAsync());
        Assert.Equal(0, await App.DispatchAsync());

        Assert.Equal(3, _smtp.Messages().Count);
        Assert.Equal(3, _smtp.Messages().Select(m => m.GetProperty("messageId").GetString()).Distinct().Count());
        Assert.All(await NoticesAsync(), m => Assert.Equal((OutboxStatus.Sent, 2), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task ACrashBetweenCommitAndSend_StillDeliversAfterTheRestart()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var database = App.Database;
        await App.DisposeAsync(); // the process ends before any dispatcher ran

        await using var restarted = new ManageBookingApp(database, Clock, Settings);
        Assert.Equal(3, await restarted.DispatchAsync());

        Assert.Equal(3, _smtp.Messages().Count);
        Assert.Single(_smtp.MessagesTo(Customer));
    }

    [Fact]
    public async Task TwoDispatchersRacing_SendEachMessageOnce()
    {
        for (var i = 0; i < 4; i++)
        {
            await BookWithTokenAsync("30-minute-meeting", $"2026-03-03T1{i}:00:00-05:00");
        }

        await using var otherNode = new ManageBookingApp(App.Database, Clock, Settings);
        var counts = await Task.WhenAll(App.DispatchAsync(), otherNode.DispatchAsync(), App.DispatchAsync(), otherNode.DispatchAsync());

        Assert.Equal(12, counts.Sum());
        Assert.Equal(12, _smtp.Messages().Count);
        Assert.Equal(12, _smtp.Messages().Select(m => m.GetProperty("messageId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task AFailingWebhook_IsRetriedWithBackoffThenMarkedFailed()
    {
        await App.ArrangeAsync(db =>
        {
            db.NotificationRules.Add(new NotificationRule { Name = "Broken hook", Event = BookingEvent.Confirmed, Tasks = [new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: "http://127.0.0.1:9/hook", WebhookSecret: "s3cret")] });
            return Task.CompletedTask;
        });
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        await App.DispatchAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await App.DispatchAsync();
        Clock.Advance(TimeSpan.FromMinutes(2));
        await App.DispatchAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        await App.DispatchAsync();

        var hook = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Webhook));
        Assert.Equal(OutboxStatus.Failed, hook.Status);
        Assert.Equal(3, hook.Attempts);
        Assert.Equal(3, await App.QueryAsync(db => db.OutboxAttempts.CountAsync(a => a.MessageId == hook.Id && !a.Succeeded)));
        Assert.Equal(3, _smtp.Messages().Count); // the emails of the same change went out regardless
    }

    [Fact]
    public async Task Reminders_AreDueADayBefore_AndMoveWithTheirSession()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        await App.DispatchAsync();
        var first = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.SessionLineageId != null));
        Assert.Equal(new DateTime(2026, 3, 3, 15, 0, 0, DateTimeKind.Utc), first.DueUtc);
        Assert.Equal(OutboxStatus.Pending, first.Status);

        using (var moved = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-05T10:00:00-05:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        // The same reminder, moved with its session: never a second one.
        var current = Assert.Single(await App.QueryAsync(db => db.OutboxMessages.Where(m => m.SessionLineageId != null).ToListAsync()));
        Assert.Equal((first.Id, OutboxStatus.Pending), (current.Id, current.Status));
        Assert.Equal(new DateTime(2026, 3, 4, 15, 0, 0, DateTimeKind.Utc), current.DueUtc);

        Clock.Set(new DateTimeOffset(2026, 3, 4, 15, 1, 0, TimeSpan.Zero));
        await App.DispatchAsync();
        var reminder = Assert.Single(_smtp.MessagesTo(Customer), m => m.Subject().StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Contains($"booking/manage/{token}", reminder.Html(), StringComparison.Ordinal);
    }

    /// <summary>The outbox rows of immediate notices; reminders wait in the same table until they are due.</summary>
    private Task<List<OutboxMessage>> NoticesAsync() => App.QueryAsync(db => db.OutboxMessages.Where(m => m.SessionLineageId == null).ToListAsync());

    private static string Field(string calendar, string name)
        => calendar.Split("\r\n").First(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal));
}

public sealed class SqliteNotificationDeliveryTests() : NotificationDeliveryTests(DatabaseProvider.Sqlite);

public sealed class PostgresNotificationDeliveryTests() : NotificationDeliveryTests(DatabaseProvider.Postgres);

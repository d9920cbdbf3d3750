using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ManageBooking.Models.Notifications;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Workflows.Webhooks;

namespace ManageBooking.Tests.Workflows;

/// <summary>
/// Webhook deliveries checked by an independent implementation of the Standard Webhooks specification (the npm
/// standardwebhooks package, run by node): signature, replay tolerance, and the session ids receivers key on.
/// </summary>
public sealed class StandardWebhooksTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task ADelivery_VerifiesWithTheStandardLibrary_AndAReplayPastTheTolerance_IsRefused()
    {
        var secret = WebhookSignature.NewSecret();
        using var receiver = new WebhookReceiver();
        await AddHookAsync(receiver, secret);
        var (booking, _) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        await App.DispatchAsync();
        var delivery = await receiver.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var timestamp = long.Parse(delivery.Headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeSeconds(), timestamp);
        Assert.StartsWith("v1,", delivery.Headers[WebhookSignature.SignatureHeader], StringComparison.Ordinal);

        var verified = await VerifyAsync(secret, delivery, receivedAt: timestamp + 30);
        Assert.True(verified.GetProperty("verified").GetBoolean(), verified.ToString());
        var payload = verified.GetProperty("payload");
        Assert.Equal("booking.confirmed", payload.GetProperty("type").GetString());
        Assert.Equal(booking.GetProperty("reference").GetString(), payload.GetProperty("data").GetProperty("reference").GetString());

        // The library's tolerance is five minutes either way: the same delivery replayed six minutes later is refused.
        var replayed = await VerifyAsync(secret, delivery, receivedAt: timestamp + 6 * 60);
        Assert.False(replayed.GetProperty("verified").GetBoolean());
        Assert.Contains("too old", replayed.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);

        var tampered = await VerifyAsync(secret, delivery with { Body = delivery.Body.Replace("Ada Lovelace", "Eve", StringComparison.Ordinal) }, timestamp + 30);
        Assert.False(tampered.GetProperty("verified").GetBoolean());
        var otherKey = await VerifyAsync(WebhookSignature.NewSecret(), delivery, timestamp + 30);
        Assert.False(otherKey.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task ASecretSavedBeforeWhsecSecrets_StillSigns_AsItsRawBytes()
    {
        using var receiver = new WebhookReceiver();
        await AddHookAsync(receiver, "s3cret");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        await App.DispatchAsync();
        var delivery = await receiver.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var timestamp = long.Parse(delivery.Headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await VerifyAsync("s3cret", delivery, timestamp)).GetProperty("verified").GetBoolean());
        Assert.False((await VerifyAsync("s3cret!", delivery, timestamp)).GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task ARescheduledSession_KeepsItsLineageAndCalendarUid_WhileItsCurrentIdChanges()
    {
        var secret = WebhookSignature.NewSecret();
        using var receiver = new WebhookReceiver();
        await AddHookAsync(receiver, secret, BookingEvent.Confirmed, BookingEvent.Rescheduled);
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using (var moved = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-04T11:00:00-05:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await App.DispatchAsync();
        var first = await ReadPayloadAsync(receiver, secret);
        var second = await ReadPayloadAsync(receiver, secret);
        var (confirmed, rescheduled) = first.GetProperty("type").GetString() == "booking.confirmed" ? (first, second) : (second, first);
        Assert.Equal("booking.rescheduled", rescheduled.GetProperty("type").GetString());

        var before = confirmed.GetProperty("data").GetProperty("sessions")[0];
        var after = rescheduled.GetProperty("data").GetProperty("sessions")[0];
        Assert.NotEqual(before.GetProperty("id").GetGuid(), after.GetProperty("id").GetGuid());
        Assert.Equal(before.GetProperty("lineageId").GetGuid(), after.GetProperty("lineageId").GetGuid());
        Assert.Equal(before.GetProperty("id").GetGuid(), rescheduled.GetProperty("data").GetProperty("moves")[0].GetProperty("from").GetProperty("id").GetGuid());

        // The calendar entry the customer downloads carries that same UID.
        var calendar = await Client.GetStringAsync(new Uri($"/booking/manage/{token}/calendar.ics", UriKind.Relative));
        Assert.Contains("UID:" + after.GetProperty("calendarUid").GetString(), calendar, StringComparison.Ordinal);
    }

    private Task AddHookAsync(WebhookReceiver receiver, string secret, params BookingEvent[] events)
        => App.ArrangeAsync(db =>
        {
            foreach (var bookingEvent in events.Length == 0 ? [BookingEvent.Confirmed] : events)
            {
                db.NotificationRules.Add(new NotificationRule
                {
                    Name = "CRM " + bookingEvent,
                    Event = bookingEvent,
                    Tasks = [new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: receiver.Url, WebhookSecret: secret)],
                });
            }

            return Task.CompletedTask;
        });

    private static async Task<JsonElement> ReadPayloadAsync(WebhookReceiver receiver, string secret)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var delivery = await receiver.All.Reader.ReadAsync(wait.Token);
        var timestamp = long.Parse(delivery.Headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        var verified = await VerifyAsync(secret, delivery, timestamp);
        Assert.True(verified.GetProperty("verified").GetBoolean(), verified.ToString());
        return verified.GetProperty("payload");
    }

    /// <summary>Asks the standardwebhooks package to verify a delivery as a receiver whose clock reads <paramref name="receivedAt"/>.</summary>
    private static async Task<JsonElement> VerifyAsync(string secret, WebhookDelivery delivery, long receivedAt)
    {
        var headers = new Dictionary<string, string>
        {
            [WebhookSignature.IdHeader] = delivery.Headers.GetValueOrDefault(WebhookSignature.IdHeader, ""),
            [WebhookSignature.TimestampHeader] = delivery.Headers.GetValueOrDefault(WebhookSignature.TimestampHeader, ""),
            [WebhookSignature.SignatureHeader] = delivery.Headers.GetValueOrDefault(WebhookSignature.SignatureHeader, ""),
        };
        var input = JsonSerializer.Serialize(new { secret, headers, body = delivery.Body, receivedAt });
        return JsonSerializer.Deserialize<JsonElement>(await NodeTools.RunAsync("webhook-verify.mjs", input));
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Operations;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Operations;

/// <summary>Every instrument of the ManageBooking meter, read as dotnet-counters or a collector would, through a MeterListener.</summary>
public abstract class MetricsTests(DatabaseProvider provider) : AppTestBase(provider)
{
    [Fact]
    public async Task BookingChangingAndSending_AreCounted_AndTheOutboxBacklogIsObserved()
    {
        using var recorder = new MeasurementRecorder(App.Services.GetRequiredService<ManageBookingMetrics>().Meter);
        await App.ArrangeAsync(db =>
        {
            db.NotificationRules.Add(new NotificationRule
            {
                Name = "CRM (down)",
                Event = BookingEvent.Confirmed,
                Tasks = [new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: $"http://127.0.0.1:{ClosedPort()}/hook")],
            });
            return Task.CompletedTask;
        });

        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using (var taken = await BookAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        }

        using (var moved = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-04T11:00:00-05:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using (var cancelled = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "Plans changed." }))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        using (var again = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "Plans changed." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        }

        Assert.Equal(1, recorder.Sum("managebooking.bookings.created", ("status", "Confirmed")));
        Assert.Equal(1, recorder.Sum("managebooking.bookings.refused", ("reason", "conflict")));
        Assert.Equal(1, recorder.Sum("managebooking.bookings.changed", ("kind", "Rescheduled"), ("actor", "Customer")));
        Assert.Equal(1, recorder.Sum("managebooking.bookings.changed", ("kind", "Cancelled"), ("actor", "Customer")));
        Assert.Equal(1, recorder.Sum("managebooking.bookings.change_refused", ("reason", "refused"), ("actor", "Customer")));

        // Two minutes later the dispatcher finds everything queued so far due, two minutes old.
        Clock.Advance(TimeSpan.FromMinutes(2));
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.DueUtc <= now).Select(m => m.DueUtc).ToListAsync());
        var emails = await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending && m.DueUtc <= now && m.Kind == OutboxKind.Email));
        Assert.True(emails > 0);
        await App.DispatchAsync();

        recorder.Observe();
        Assert.Equal(due.Count, recorder.Last("managebooking.outbox.backlog"));
        Assert.Equal((now - due.Min()).TotalSeconds, recorder.Last("managebooking.outbox.oldest_due_age"));
        Assert.Equal(emails, recorder.Sum("managebooking.notifications.sent", ("channel", "email"), ("outcome", "done")));
        Assert.Equal(1, recorder.Sum("managebooking.notifications.sent", ("channel", "webhook"), ("outcome", "failed")));
        Assert.Equal(emails + 1, recorder.Count("managebooking.notifications.send.duration"));

        // The failed webhook waits for its retry: nothing is due at the next tick.
        await App.DispatchAsync();
        recorder.Observe();
        Assert.Equal(0, recorder.Last("managebooking.outbox.backlog"));
        Assert.Equal(0, recorder.Last("managebooking.outbox.oldest_due_age"));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteMetricsTests() : MetricsTests(DatabaseProvider.Sqlite);

public sealed class PostgresMetricsTests() : MetricsTests(DatabaseProvider.Postgres);

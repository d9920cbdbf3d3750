using System.Net;
using System.Net.Http.Json;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// Internal notes are staff's: shown on the admin's booking page, and never in any customer-facing page, email or API
/// answer, over every such endpoint the site maps and every email the booking's life sends.
/// </summary>
public abstract class InternalNotesTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Secret = "Secret-note-7f3a: gave a discount, do not mention";

    [Fact]
    public async Task ANote_ShowsToStaff_AndInNoCustomerPageEmailOrApiAnswer()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");

        using (var empty = await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/notes", ("note", "   ")))
        {
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        }

        Assert.Equal(0, await App.QueryAsync(db => db.BookingNotes.CountAsync()));
        using (var added = await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/notes", ("note", Secret)))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Contains(Secret, detail.QuerySelector(".mb-notes")!.TextContent, StringComparison.Ordinal);

        // Every customer-facing GET the site maps, while the booking is active, with the booking's own link and page.
        var seen = new List<string>();
        await VisitEveryCustomerPageAsync(token, seen);

        // The booking's life: a reminder, a reschedule and a cancellation by the customer, a staff cancellation of another.
        Clock.Advance(TimeSpan.FromHours(4));
        await App.DispatchAsync();
        using (var moved = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-04T14:00:00-05:00", reason = "Clash" }, Json))
        {
            seen.Add(await moved.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await App.DispatchAsync();
        await VisitEveryCustomerPageAsync(token, seen);
        using (var cancelled = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "No longer needed" }, Json))
        {
            seen.Add(await cancelled.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await App.DispatchAsync();
        await VisitEveryCustomerPageAsync(token, seen);
        var emails = Directory.GetFiles(App.MailFolder, "*.eml").Select(SmtpSink.DecodeFile).ToList();
        Assert.Contains(emails, m => m.Subject().Contains("cancelled", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(emails, m => m.Subject().Contains("rescheduled", StringComparison.OrdinalIgnoreCase));
        Assert.True(emails.Count >= 6, $"only {emails.Count} emails were sent");
        seen.AddRange(emails.Select(m => m.GetRawText()));
        seen.AddRange(await App.QueryAsync(db => db.OutboxMessages.Select(m => m.Payload + m.Summary + m.Facts).ToListAsync()));

        Assert.True(seen.Count > 20, $"only {seen.Count} answers were checked");
        Assert.DoesNotContain(seen, text => text.Contains("Secret-note-7f3a", StringComparison.Ordinal));
        Assert.Contains(Secret, (await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}")).QuerySelector(".mb-notes")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Each GET endpoint outside the admin, its route values filled from the booking; the answers' bodies are kept.</summary>
    private async Task VisitEveryCustomerPageAsync(string token, List<string> seen)
    {
        var sessionId = await App.QueryAsync(db => db.BookingSessions.OrderBy(s => s.StartUtc).Select(s => s.Id).FirstAsync());
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        Assert.Contains("booking/manage/{token}", routes);
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true });
        foreach (var route in routes)
        {
            var url = "/" + route.Replace("{token}", token, StringComparison.Ordinal).Replace("{slug}", "30-minute-meeting", StringComparison.Ordinal)
                .Replace("{**path:file}", "favicon.ico", StringComparison.Ordinal).Replace("{culture}", "fr", StringComparison.Ordinal);
            Assert.DoesNotContain("{", url, StringComparison.Ordinal); // a new route value: teach this test to fill it
            url += url.Contains("reschedule/review", StringComparison.Ordinal) ? $"?session={sessionId}&start=2026-03-05T10:00:00-05:00" : "";
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            seen.Add(await response.Content.ReadAsStringAsync());
        }
    }
}

public sealed class SqliteInternalNotesTests() : InternalNotesTests(DatabaseProvider.Sqlite);

public sealed class PostgresInternalNotesTests() : InternalNotesTests(DatabaseProvider.Postgres);

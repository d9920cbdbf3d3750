using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Security;

/// <summary>Mail scanners, guessers and log files: what the manage link must withstand.</summary>
public sealed class ManageLinkSecurityTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    // The sink is disposed with the site, which owns its logger providers.
    protected override LogSink? Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ManageBooking:RateLimit:ManageLinkRequestsPerMinute"] = "40",
    };

    [Fact]
    public async Task GettingEveryLinkOfTheProduct_ChangesNoRow()
    {
        var (_, single) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var (_, package) = await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        var packageStart = new DateTime(2026, 3, 4, 14, 0, 0, DateTimeKind.Utc);
        var packageSession = await App.QueryAsync(db => db.BookingSessions.Where(s => s.StartUtc == packageStart).Select(s => s.Id).SingleAsync());
        var before = await App.QueryAsync(Snapshot.TakeAsync);
        var start = Uri.EscapeDataString("2026-03-05T14:00:00-05:00");

        var links = new List<string> { "/", "/book/30-minute-meeting", "/book/15-minute-package?tz=Asia/Tokyo&date=2026-03-09", "/book/30-minute-meeting/confirmed", "/api/booking-pages", "/api/booking-pages/30-minute-meeting", "/api/booking-pages/30-minute-meeting/slots" };
        foreach (var token in new[] { single, package })
        {
            links.AddRange([
                $"/booking/manage/{token}", $"/booking/manage/{token}?tz=Asia/Tokyo", $"/booking/manage/{token}/keep", $"/booking/manage/{token}/cancel",
                $"/booking/manage/{token}/reschedule", $"/booking/manage/{token}/reschedule?session={packageSession}",
                $"/booking/manage/{token}/reschedule/review?session={packageSession}&start={start}", $"/booking/manage/{token}/done",
                $"/api/manage/{token}", $"/api/manage/{token}/slots", $"/api/manage/{token}/cancel", $"/api/manage/{token}/reschedule",
            ]);
        }

        foreach (var link in links)
        {
            using var response = await Client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True((int)response.StatusCode < 500, $"GET {link} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));
    }

    [Fact]
    public async Task RepeatedWrongTokens_Get429WithRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 41; i++)
        {
            last?.Dispose();
            last = await Client.GetAsync(new Uri($"/booking/manage/{TestLinkKeys.UnknownToken()}", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(40), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        using var api = await Client.GetAsync(new Uri("/api/manage/whatever", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task NoLogLine_EverContainsAManageToken()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var (_, other) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T11:00:00-05:00");
        var misspelt = token[..40] + "xyz";
        await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");
        var confirm = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/cancel");
        var form = confirm.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.Method == "post");
        using (await HtmlPage.SubmitAsync(Client, form, $"/booking/manage/{token}/cancel", ("Reason", "Log test")))
        {
        }

        using (await Client.GetAsync(new Uri($"/booking/manage/{misspelt}", UriKind.Relative)))
        using (await Client.GetAsync(new Uri($"/api/manage/{other}/slots?timeZone=Nowhere/Land", UriKind.Relative)))
        using (await Client.PostAsJsonAsync(new Uri($"/api/manage/{other}/reschedule", UriKind.Relative), new { start = "2026-03-04T10:00:00-05:00" }))
        {
        }

        var lines = Logs!.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("/booking/manage/[redacted]", StringComparison.Ordinal)); // the hosting log did run
        foreach (var secret in new[] { token, other, misspelt })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}

using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>axe-core in Chromium over every customer page, in light and dark: no serious or critical violation.</summary>
public sealed class AccessibilityTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public AccessibilityTests(BrowserSite site) => _site = site;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task CustomerPages_HaveNoSeriousOrCriticalAxeViolations(ColorScheme scheme)
    {
        var (manage, session, start) = await BookAsync(scheme == ColorScheme.Light ? 0 : 1);
        var (package, packageSessions, packageStarts) = await BookPackageAsync(scheme == ColorScheme.Light ? 0 : 1);
        var cancelled = await CancelledAsync(scheme == ColorScheme.Light ? 20 : 21);
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", TimezoneId = "America/New_York", ColorScheme = scheme });
        var page = await context.NewPageAsync();
        var pages = new[]
        {
            "book/30-minute-meeting?tz=America/New_York",
            "book/15-minute-package?tz=America/New_York",
            "book/marketing-call?tz=America/New_York&culture=fr",
            "book/marketing-call?tz=America/New_York&culture=en",
            "book/30-minute-meeting?tz=Australia",
            manage,
            manage + "/cancel",
            manage + "/reschedule",
            $"{manage}/reschedule/review?session={session}&start={Uri.EscapeDataString(start)}",
            manage + "/keep",
            $"{manage}/reschedule?session={session}&step=0",
            package + "/reschedule",
            $"{package}/reschedule?session={packageSessions[0]}&session={packageSessions[1]}&start={Uri.EscapeDataString(packageStarts[0])}",
            $"{package}/reschedule/review?session={packageSessions[0]}&session={packageSessions[1]}&start={Uri.EscapeDataString(packageStarts[0])}&start={Uri.EscapeDataString(packageStarts[1])}",
            cancelled,
            "booking/manage/not-a-real-link",
        };

        var problems = new List<string>();
        foreach (var path in pages)
        {
            // Each address must render the page it names (an error page would pass axe just as well).
            var response = await page.GotoAsync(new Uri(_site.Site.Address, path).ToString());
            // Two error states are checked on purpose: an unknown link, and Continue pressed without a time (step=0).
            var expected = path.EndsWith("not-a-real-link", StringComparison.Ordinal) ? 404 : path.EndsWith("&step=0", StringComparison.Ordinal) ? 422 : 200;
            Assert.True(response?.Status == expected, $"{path} answered {response?.Status}, expected {expected}");
            problems.AddRange(await Axe.SeriousViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private async Task<(string ManageUrl, string[] SessionIds, string[] NewStarts)> BookPackageAsync(int index)
    {
        var starts = await _site.FreeStartsAsync("15-minute-package", "timeZone=America/New_York");
        var booking = await _site.BookAsync("15-minute-package", "Ada Lovelace", "ada@example.com", "America/New_York", starts[40 + index], starts[60 + index], starts[80 + index]);
        var manageUrl = new Uri(booking.GetProperty("manageUrl").GetString()!).PathAndQuery.TrimStart('/');
        return (manageUrl, [.. booking.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)], [starts[100 + index], starts[110 + index]]);
    }

    /// <summary>A booking cancelled through the API: its page offers Book again and the owner's contact.</summary>
    private async Task<string> CancelledAsync(int index)
    {
        var starts = await _site.FreeStartsAsync("30-minute-meeting", "timeZone=America/New_York");
        var booking = await _site.BookAsync("30-minute-meeting", "Ada Lovelace", "ada@example.com", "America/New_York", starts[index]);
        var manageUrl = new Uri(booking.GetProperty("manageUrl").GetString()!).PathAndQuery.TrimStart('/');
        using var http = new HttpClient { BaseAddress = _site.Site.Address };
        using var cancelled = await http.PostAsync($"api/{manageUrl.Replace("booking/", "", StringComparison.Ordinal)}/cancel", new StringContent("{\"reason\":\"Plans changed\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        return manageUrl;
    }

    private async Task<(string ManageUrl, string SessionId, string NewStart)> BookAsync(int index)
    {
        var starts = await _site.FreeStartsAsync("30-minute-meeting", "timeZone=America/New_York");
        var booking = await _site.BookAsync("30-minute-meeting", "Ada Lovelace", "ada@example.com", "America/New_York", starts[10 + index]);
        var manageUrl = new Uri(booking.GetProperty("manageUrl").GetString()!).PathAndQuery.TrimStart('/');
        return (manageUrl, booking.GetProperty("sessions")[0].GetProperty("id").GetString()!, starts[14 + index]);
    }
}

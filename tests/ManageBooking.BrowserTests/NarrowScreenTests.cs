using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>The smallest phones in use (320 px wide): every customer page fits without sideways scrolling, in both languages.</summary>
public sealed class NarrowScreenTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public NarrowScreenTests(BrowserSite site) => _site = site;

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public async Task CustomerPages_FitA320PixelScreen(string locale)
    {
        var starts = await _site.FreeStartsAsync("15-minute-package", "timeZone=America/New_York");
        var booking = await _site.BookAsync("15-minute-package", "Maximilian Alexander Featherstonehaugh-Wolfeschlegelsteinhausen", "max.featherstonehaugh.wolfeschlegelsteinhausen@example.com", "America/New_York", starts[20], starts[40], starts[60]);
        var manage = new Uri(booking.GetProperty("manageUrl").GetString()!).PathAndQuery.TrimStart('/');
        var session = booking.GetProperty("sessions")[1].GetProperty("id").GetString();
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();

        var overflowing = new List<string>();
        foreach (var path in new[]
        {
            "book/30-minute-meeting?tz=America/Argentina/ComodRivadavia",
            "book/15-minute-package?tz=America/New_York",
            "book/marketing-call?tz=America/New_York",
            "book/consultation?tz=Australia",
            manage,
            manage + "/reschedule",
            manage + "/cancel",
            $"{manage}/reschedule?session={session}",
            $"{manage}/reschedule/review?session={session}&start={Uri.EscapeDataString(starts[80])}",
            $"{manage}/reschedule/review?session={session}&session={booking.GetProperty("sessions")[2].GetProperty("id").GetString()}&start={Uri.EscapeDataString(starts[80])}&start={Uri.EscapeDataString(starts[90])}",
        })
        {
            var response = await page.GotoAsync(new Uri(_site.Site.Address, path).ToString());
            Assert.True(response?.Status == 200, $"{path} answered {response?.Status}: the width of an error page proves nothing");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 320)
            {
                overflowing.Add($"{path}: {width} px");
                await BrowserShots.TakeAsync(page, $"overflow-{locale}-{overflowing.Count}");
            }
        }

        Assert.True(overflowing.Count == 0, "Wider than the screen: " + string.Join(", ", overflowing));
    }
}

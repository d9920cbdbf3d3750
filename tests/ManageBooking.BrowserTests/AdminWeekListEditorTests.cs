using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>
/// The admin's everyday screens on a phone and at a desk, in Chromium, on a Sunday (the site's clock is the test's):
/// the week that holds today with all seven days on a 390-pixel screen, the bookings list whose rows are links, and
/// the page editor's policy preview following the owner's typing.
/// </summary>
public sealed class AdminWeekListEditorTests : IClassFixture<ClockedBrowserSite>
{
    private readonly ClockedBrowserSite _site;

    public AdminWeekListEditorTests(ClockedBrowserSite site) => _site = site;

    [Fact]
    public async Task TheWeek_OnASundayAt390Pixels_ShowsTodaysWeek_EveryDayReachable_AndABookingOpens()
    {
        var friday = await _site.BookAsync("30-minute-meeting", "Frida Friday", "2026-03-13T16:00:00-04:00");
        await _site.BookAsync("15-minute-package", "Thea Thursday", "2026-03-12T09:00:00-04:00", "2026-03-12T11:00:00-04:00", "2026-03-19T09:00:00-04:00");
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await _site.SignInAsOwnerAsync(page);

        var response = await page.GotoAsync(new Uri(_site.Address, "admin/calendar").ToString());

        Assert.Equal(200, response?.Status);
        await BrowserShots.TakeAsync(page, "admin-week-390");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "the week is wider than the phone");
        var days = page.Locator(".mb-week__day");
        await Expect(days).ToHaveCountAsync(7);
        string[] expected = ["Sun Mar 8", "Mon Mar 9", "Tue Mar 10", "Wed Mar 11", "Thu Mar 12", "Fri Mar 13", "Sat Mar 14"];
        // No day behind a sideways scroll, of the page or of the week itself: each lies across the screen, one under another.
        Assert.True(await page.EvaluateAsync<bool>("() => { const w = document.querySelector('.mb-week'); return w.scrollWidth <= w.clientWidth; }"), "the week scrolls sideways");
        for (var i = 0; i < 7; i++)
        {
            var day = days.Nth(i);
            var box = await day.BoundingBoxAsync();
            Assert.True(box is { X: >= 0, Width: > 0 } && box.X + box.Width <= 390, $"{expected[i]} lies outside the screen: {box?.X}+{box?.Width}");
            await Expect(day.Locator(".mb-week__label")).ToContainTextAsync(expected[i]);
            await day.ScrollIntoViewIfNeededAsync();
            await Expect(day).ToBeInViewportAsync();
        }

        await Expect(days.Nth(0)).ToHaveClassAsync(new Regex("mb-week__day--today"));
        await Expect(days.Nth(4).Locator(".mb-week__entry")).ToHaveCountAsync(2); // Thursday's two sessions of the package
        var entry = days.Nth(5).Locator(".mb-week__entry");
        await Expect(entry).ToContainTextAsync("4:00 PM–4:30 PM EDT");
        await entry.TapAsync();
        await Expect(page.Locator("h1 .mb-reference")).ToHaveTextAsync(friday);
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task ABookingsRow_OpensItsBooking_WhereverItIsClicked(int width)
    {
        var reference = await _site.BookAsync("consultation", $"Row Clicker {width}", width == 390 ? "2026-03-10T10:00:00+01:00" : "2026-03-10T14:00:00+01:00");
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await _site.SignInAsOwnerAsync(page);

        await page.GetByLabel("Search every tab").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = page.Locator("tbody tr.mb-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Europe/Paris · UTC+01:00 · CET");
        await BrowserShots.TakeAsync(page, $"admin-bookings-{width}");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the list is wider than the screen");

        // The page's title cell holds no link of its own: a click in its middle lands on the row's link, which covers it.
        var cell = await row.Locator("td").Nth(2).BoundingBoxAsync();
        await row.ScrollIntoViewIfNeededAsync();
        cell = await row.Locator("td").Nth(2).BoundingBoxAsync();
        await page.Mouse.ClickAsync(cell!.X + (cell.Width / 2), cell.Y + (cell.Height / 2));

        await Expect(page.Locator("h1 .mb-reference")).ToHaveTextAsync(reference);
    }

    [Fact]
    public async Task ThePolicyPreview_FollowsTheOwnersTyping_AndSaysWhenSelfServiceIsOff()
    {
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await _site.SignInAsOwnerAsync(page);
        await page.GotoAsync(new Uri(_site.Address, "admin/pages").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Consultation", Exact = true }).ClickAsync();
        var preview = page.Locator(".mb-policy");
        var toggle = page.GetByLabel("Let customers reschedule and cancel from their Manage your booking link");

        // The consultation predates self-service: its toggle is off, and the preview says so rather than show a policy.
        await Expect(preview).ToContainTextAsync("Self-service is off");
        await Expect(preview).Not.ToContainTextAsync("Bookings can");

        await toggle.CheckAsync();
        await Expect(preview).ToContainTextAsync("Bookings can be cancelled any time before they start.");
        await page.GetByLabel("Cancel up to (hours before; 0 = any time)").FillAsync("48");
        await Expect(preview).ToContainTextAsync("Bookings can be cancelled up to 2 days before they start.");
        await page.GetByLabel("Reschedule up to (hours before; 0 = any time)").FillAsync("12");
        await page.GetByLabel("Most reschedules (empty = no limit)").FillAsync("1");
        await Expect(preview).ToContainTextAsync("Bookings can be rescheduled once, up to 12 hours before they start.");
        await page.GetByLabel("Extra policy text").FillAsync("Call Sam for anything urgent.");
        await Expect(preview).ToContainTextAsync("Call Sam for anything urgent.");
        await page.GetByLabel("Cancel up to (hours before; 0 = any time)").FillAsync("9000");
        await Expect(preview).ToContainTextAsync("The preview waits for");
        await page.GetByLabel("Cancel up to (hours before; 0 = any time)").FillAsync("24");
        await Expect(preview).ToContainTextAsync("Bookings can be cancelled up to 24 hours before they start.");

        await toggle.UncheckAsync();
        await Expect(preview).ToContainTextAsync("Self-service is off");
        await Expect(preview).Not.ToContainTextAsync("Bookings can");
        await Expect(preview).Not.ToContainTextAsync("Call Sam");
        await BrowserShots.TakeAsync(page, "admin-policy-preview-off");
    }
}

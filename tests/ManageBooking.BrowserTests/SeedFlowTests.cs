using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>
/// The customer flows of the seeds in Chromium: a package chosen across two weeks with its counter, several sessions
/// moved through one summary, honest pickers and warnings, Book again, and the zone picker found by typing.
/// </summary>
public sealed class SeedFlowTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public SeedFlowTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task APackage_IsChosenAcrossTwoWeeks_WithTheCounter()
    {
        var page = await NewPageAsync(width: 390);
        await page.GotoAsync(Address("book/15-minute-package?tz=America/New_York"));
        var counter = page.Locator(".mb-pick-count");
        await Expect(counter).ToHaveTextAsync("0 of 3 chosen");

        await page.Locator("details[open] .mb-slot").First.ClickAsync();
        await Expect(counter).ToHaveTextAsync("1 of 3 chosen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        await Expect(page.Locator(".mb-pick")).ToHaveCountAsync(1); // the first week's time, listed while another week shows
        await Expect(counter).ToHaveTextAsync("1 of 3 chosen");
        await page.Locator("details[open] .mb-slot").Nth(0).ClickAsync();
        await page.Locator("details[open] .mb-slot").Nth(4).ClickAsync();
        await Expect(counter).ToHaveTextAsync("3 of 3 chosen");
        await Expect(page.Locator("details[open] .mb-slot input:not(:checked)").First).ToBeDisabledAsync(); // the package is full
        await BrowserShots.TakeAsync(page, "package-two-weeks-phone");
        await page.GetByLabel("Name").FillAsync("Pat Kage");
        await page.GetByLabel("Email").FillAsync("pat@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("You're booked");
        var sessions = await page.Locator(".mb-session-list li").AllInnerTextsAsync();
        Assert.Equal(3, sessions.Count);
        Assert.NotEqual(Week(sessions[0]), Week(sessions[2])); // two weeks, one booking
        await BrowserShots.TakeAsync(page, "confirmed-package-phone");
    }

    [Fact]
    public async Task ThreeSessions_AreRescheduledInOneGo_ThroughOneSummary()
    {
        var manage = await BookAsync("15-minute-package", 3);
        var page = await NewPageAsync(width: 1280);
        await page.GotoAsync(manage);
        var before = await page.Locator(".mb-session > span:first-child").AllInnerTextsAsync();

        await page.Locator(".mb-choices").GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();
        foreach (var box in await page.Locator("input[name=session]").AllAsync())
        {
            await box.CheckAsync();
        }

        await BrowserShots.TakeAsync(page, "reschedule-choose-sessions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        for (var step = 1; step <= 3; step++)
        {
            await Expect(page.Locator(".mb-step")).ToHaveTextAsync($"Session {step} of 3");
            await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
            await page.Locator("details[open] .mb-slot:not(.mb-slot--current)").Nth(step * 2).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirm the new times");
        await Expect(page.Locator(".mb-change")).ToHaveCountAsync(3);
        Assert.Equal(before, await page.Locator(".mb-change .mb-struck").AllInnerTextsAsync());
        await BrowserShots.TakeAsync(page, "reschedule-summary-three");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm new times" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking is rescheduled");
        var after = await page.Locator(".mb-session > span:first-child").AllInnerTextsAsync();
        Assert.Equal(3, after.Count);
        Assert.Empty(after.Intersect(before));
    }

    [Fact]
    public async Task TheCurrentTime_IsShownAsCurrent_AndCannotBeChosen()
    {
        var start = (await FreeStartsAsync("30-minute-meeting"))[3];
        var booking = await _site.BookAsync("30-minute-meeting", "Cur Rent", "current@example.com", "America/New_York", start);
        var page = await NewPageAsync(width: 390);

        await page.GotoAsync(booking.GetProperty("manageUrl").GetString() + $"/reschedule?tz=America/New_York&date={start[..10]}");

        var current = page.Locator($".mb-slot--current input[value='{start}']");
        await Expect(current).ToBeDisabledAsync();
        await Expect(page.Locator(".mb-slot--current")).ToContainTextAsync("Current time");
        await page.Locator(".mb-slot--current").ClickAsync(new() { Force = true });
        await Expect(current).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#start-error")).ToHaveTextAsync("Choose a new time for this session, or go back.");
        await BrowserShots.TakeAsync(page, "reschedule-current-time-phone");
    }

    [Fact]
    public async Task AManualApprovalPage_WarnsBeforeConfirmingThatTheBookingGoesBackToPending()
    {
        var booking = await _site.BookAsync("marketing-call", "Mark Eting", "mark@example.com", "America/New_York", (await FreeStartsAsync("marketing-call"))[2]);
        var reference = booking.GetProperty("reference").GetString()!;
        var owner = await NewPageAsync(width: 1280);
        await _site.SignInAsOwnerAsync(owner);
        await owner.GotoAsync(Address($"admin/bookings?filter=all&q={reference}"));
        await owner.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(owner.Locator(".mb-status")).ToHaveTextAsync("Confirmed");

        var page = await NewPageAsync(width: 390);
        await page.GotoAsync(booking.GetProperty("manageUrl").GetString()!);
        await page.Locator(".mb-choices").GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        await page.Locator("details[open] .mb-slot:not(.mb-slot--current)").Nth(1).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.Locator(".mb-pending-warning")).ToContainTextAsync("waits for their approval again");
        await BrowserShots.TakeAsync(page, "reschedule-pending-warning-phone");
        await page.GetByLabel("Reason for rescheduling").FillAsync("A trade fair that week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Request this time" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("New time requested");
        await Expect(page.Locator(".mb-status")).ToHaveTextAsync("Pending");
    }

    [Fact]
    public async Task ACancelledBooking_OffersBookAgain()
    {
        var booking = await _site.BookAsync("30-minute-meeting", "Can Sell", "cancel@example.com", "America/New_York", (await FreeStartsAsync("30-minute-meeting"))[5]);
        var page = await NewPageAsync(width: 390);
        await page.GotoAsync(booking.GetProperty("manageUrl").GetString() + "/cancel");
        await page.GetByLabel("Reason for cancelling").FillAsync("Plans changed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your booking" }).ClickAsync();
        await Expect(page.Locator(".mb-contact")).ToContainTextAsync("alex@example.com");
        await BrowserShots.TakeAsync(page, "manage-cancelled-book-again-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "Book again" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("30-minute meeting");
        await Expect(page.Locator(".mb-slot").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheZonePicker_FindsACityTypedInThePagesLanguage()
    {
        var page = await NewPageAsync(width: 390, locale: "fr-FR");
        await page.GotoAsync(Address("book/30-minute-meeting?tz=America/New_York&culture=fr"));
        var field = page.Locator("#mb-tz");
        await Expect(field).ToHaveValueAsync("New York, États-Unis");

        await field.FillAsync("");
        await field.PressSequentiallyAsync("londres");
        var option = page.GetByRole(AriaRole.Option, new() { Name = "Londres, Royaume-Uni" });
        await Expect(option).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page)); // the open list too
        await BrowserShots.TakeAsync(page, "zone-picker-londres-phone");
        await field.PressAsync("ArrowDown");
        await Expect(field).ToHaveAttributeAsync("aria-activedescendant", "mb-tz-list-0");
        await field.PressAsync("Enter");

        await Expect(page.Locator(".mb-zone-picker .mb-hint")).ToContainTextAsync("Europe/London");
        await Expect(page.Locator("#mb-tz")).ToHaveValueAsync("Londres, Royaume-Uni");
        Assert.Contains("tz=Europe%2FLondon", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBrowsersZone_IsTakenWithoutASecondFullPageLoad()
    {
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", TimezoneId = "Asia/Tokyo" });
        await context.AddInitScriptAsync("sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') || 0) + 1));");
        var page = await context.NewPageAsync();

        await page.GotoAsync(Address("book/30-minute-meeting"));

        await Expect(page.Locator("#mb-tz")).ToHaveAttributeAsync("data-mb-zone", "Asia/Tokyo");
        await Expect(page.Locator(".mb-zone-picker .mb-hint")).ToContainTextAsync("UTC+09:00");
        Assert.Equal("1", await page.EvaluateAsync<string>("() => sessionStorage.getItem('loads')"));
        Assert.Contains("tz=Asia%2FTokyo", page.Url, StringComparison.Ordinal);

        // The next page opens in the detected zone at once.
        await page.GotoAsync(Address("book/15-minute-package"));
        await Expect(page.Locator("#mb-tz")).ToHaveAttributeAsync("data-mb-zone", "Asia/Tokyo");
    }

    private async Task<IPage> NewPageAsync(int width, string locale = "en-US")
    {
        var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale, TimezoneId = "America/New_York", ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    private string Address(string path) => new Uri(_site.Site.Address, path).ToString();

    /// <summary>Free starts two to four weeks out, clear of every cutoff and of the times other tests take.</summary>
    private Task<IReadOnlyList<string>> FreeStartsAsync(string slug)
    {
        var from = DateTime.UtcNow.AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return _site.FreeStartsAsync(slug, $"timeZone=America/New_York&from={from}&to={to}");
    }

    private async Task<string> BookAsync(string slug, int sessions)
    {
        var starts = await FreeStartsAsync(slug);
        var booking = await _site.BookAsync(slug, "Ada Lovelace", "ada@example.com", "America/New_York", [.. Enumerable.Range(0, sessions).Select(i => starts[(i * 8) + 1])]);
        return booking.GetProperty("manageUrl").GetString()!;
    }

    /// <summary>The ISO week of a session line such as "Monday, March 9, 2026, 9:00 AM – 9:15 AM".</summary>
    private static int Week(string line)
    {
        var date = DateTime.Parse(string.Join(',', line.Split(',').Take(3)), CultureInfo.GetCultureInfo("en-US"));
        return ISOWeek.GetWeekOfYear(date);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>The package and booking-request variants of the manage page, in Chromium.</summary>
public sealed class VariantJourneyTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public VariantJourneyTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task APackage_CancelsTheTickedSessionOnly()
    {
        var manage = await BookAsync("15-minute-package", 3);
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", TimezoneId = "America/New_York" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(manage);
        await Expect(page.Locator(".mb-session")).ToHaveCountAsync(3);
        await Expect(page.Locator(".mb-session__action")).ToHaveCountAsync(3); // each session can be moved on its own
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel", Exact = true }).ClickAsync();
        var boxes = page.Locator("input[name=SessionIds]");
        await Expect(boxes).ToHaveCountAsync(3);
        await boxes.Nth(0).UncheckAsync();
        await boxes.Nth(2).UncheckAsync();
        await BrowserShots.TakeAsync(page, "package-cancel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel selected sessions" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Sessions cancelled");
        await Expect(page.Locator(".mb-session--cancelled")).ToHaveCountAsync(1);
        await Expect(page.Locator(".mb-session--scheduled")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task ABookingRequest_SaysItAwaitsApprovalAndCanBeWithdrawn()
    {
        var manage = await BookAsync("marketing-call", 1);
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", TimezoneId = "America/New_York" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(manage);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking request");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("awaiting approval");
        await BrowserShots.TakeAsync(page, "manage-pending");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel request" }).ClickAsync();
        await page.GetByLabel("Reason for cancelling").FillAsync("Found another agency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the booking request" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking is cancelled");
    }

    /// <summary>Books the first free times of a page two weeks out (clear of any cutoff) and returns the manage link.</summary>
    private async Task<string> BookAsync(string slug, int sessions)
    {
        var from = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(24).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var starts = await _site.FreeStartsAsync(slug, $"timeZone=America/New_York&from={from}&to={to}");
        var booking = await _site.BookAsync(slug, "Ada Lovelace", "ada@example.com", "America/New_York", [.. Enumerable.Range(0, sessions).Select(i => starts[i * 8])]);
        return booking.GetProperty("manageUrl").GetString()!;
    }
}

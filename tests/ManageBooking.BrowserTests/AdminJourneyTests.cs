using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>The site owner's journey in Chromium: sign in, find a booking, cancel it for the customer, switch self-service off.</summary>
public sealed class AdminJourneyTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public AdminJourneyTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task SignInFilterCancelOnBehalf_ThenTurnSelfServiceOff_AndTheCustomerPageIsReadOnly()
    {
        var first = await BookAsync("Grace Hopper", "grace@example.com", 0);
        var second = await BookAsync("Alan Turing", "alan@example.com", 1);
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await _site.SignInAsOwnerAsync(page);

        await page.GetByPlaceholder("Reference, name or email").FillAsync("grace@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("td .mb-reference")).ToHaveTextAsync(first.Reference);
        await BrowserShots.TakeAsync(page, "admin-bookings");
        await page.Locator("td .mb-reference").ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cancel this booking?");
        await page.GetByLabel("Reason for cancelling").FillAsync("Room unavailable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the booking" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Booking cancelled. Emailed the customer, the owner and 1 stakeholder.");
        await Expect(page.Locator(".mb-history")).ToContainTextAsync("Room unavailable");
        await BrowserShots.TakeAsync(page, "admin-booking");

        await page.GetByRole(AriaRole.Link, new() { Name = "Booking pages" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "30-minute meeting" }).ClickAsync();
        await page.GetByLabel("Let customers reschedule and cancel from their Manage your booking link").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Saved");

        var customer = await context.NewPageAsync();
        await customer.GotoAsync(second.ManageUrl);
        await Expect(customer.Locator("[role=status]")).ToContainTextAsync("can't be changed online");
        await Expect(customer.Locator(".mb-choices a")).ToHaveCountAsync(0);
        await BrowserShots.TakeAsync(customer, "manage-self-service-off");
    }

    private async Task<(string Reference, string ManageUrl)> BookAsync(string name, string email, int index)
    {
        var starts = await _site.FreeStartsAsync("30-minute-meeting", "timeZone=UTC");
        var booking = await _site.BookAsync("30-minute-meeting", name, email, "UTC", starts[20 + index]);
        return (booking.GetProperty("reference").GetString()!, booking.GetProperty("manageUrl").GetString()!);
    }
}

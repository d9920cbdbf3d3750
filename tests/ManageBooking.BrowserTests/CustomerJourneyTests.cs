using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>The whole customer journey in Chromium, as a person does it, with screenshots of the main pages.</summary>
public sealed partial class CustomerJourneyTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public CustomerJourneyTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task BookReadTheEmailRescheduleAndCancel_InTheBrowser()
    {
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", TimezoneId = "Europe/Paris", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        // Booking page: the script switches the times to the browser's zone on the first visit.
        await page.GotoAsync(new Uri(_site.Site.Address, "book/30-minute-meeting").ToString());
        // The zone arrives by history.replaceState, not a navigation: the address is polled (WaitForURL could miss it).
        await Expect(page).ToHaveURLAsync(TimeZoneInUrl(), new() { Timeout = 30_000 });
        await Expect(page.Locator(".mb-zone-picker .mb-hint")).ToContainTextAsync("Europe/Paris");
        await Shot(page, "book-desktop");
        await page.Locator(".mb-slot").First.ClickAsync();
        await page.GetByLabel("Name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Email").FillAsync("ada@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Confirmed());
        var reference = (await page.Locator(".mb-reference").InnerTextAsync()).Trim();
        Assert.Matches("^MB-[A-Z0-9]{6}$", reference);
        await Shot(page, "confirmed");

        // The confirmation email, from the pickup folder, carries the Manage your booking link.
        var email = EmlFile.Html(await _site.WaitForEmailAsync("ada@example.com", "is confirmed", TimeSpan.FromSeconds(30)));
        Assert.Contains(reference, email, StringComparison.Ordinal);
        var link = ManageLink().Match(email).Value;
        Assert.StartsWith(_site.Site.Address.ToString(), link, StringComparison.Ordinal);

        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking");
        await Expect(page.Locator(".mb-zone-label")).ToContainTextAsync("UTC+01:00");
        await ManagePageShots(context, link);

        // Reschedule through the time picker.
        var before = await page.Locator(".mb-session").InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reschedule" }).ClickAsync();

        // Next week's first open day is a whole working day, whatever the hour the test runs at.
        await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        await page.Locator("details[open] .mb-slot").Nth(2).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".mb-change .mb-struck")).ToHaveTextAsync(before.Trim());
        await Shot(page, "reschedule-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm new time" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking is rescheduled");

        // Cancel with the reason the policy requires; the page then turns read-only.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your booking" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the booking" }).ClickAsync();
        await Expect(page.Locator("#Reason-error")).ToBeVisibleAsync(); // required and left empty
        await page.GetByLabel("Reason for cancelling").FillAsync("Plans changed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the booking" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking is cancelled");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your booking" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("cancelled by you");
        await Expect(page.Locator(".mb-choices a")).ToHaveCountAsync(0);
        await Shot(page, "manage-cancelled");

        // Everyone heard of each change, with calendar updates.
        await _site.WaitForEmailAsync("alex@example.com", "are cancelled", TimeSpan.FromSeconds(30));
    }

    private static async Task ManagePageShots(IBrowserContext desktop, string link)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
            {
                var page = await desktop.NewPageAsync();
                await page.SetViewportSizeAsync(width, height);
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
                await page.GotoAsync(link);
                await Expect(page.Locator(".mb-choices")).ToBeVisibleAsync();
                await Shot(page, $"manage-{scheme.ToString().ToLowerInvariant()}-{name}");
                await page.CloseAsync();
            }
        }
    }

    private static Task Shot(IPage page, string name) => BrowserShots.TakeAsync(page, name);

    [GeneratedRegex("tz=Europe(%2F|/)Paris")]
    private static partial Regex TimeZoneInUrl();

    [GeneratedRegex("/confirmed$")]
    private static partial Regex Confirmed();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/booking/manage/[A-Za-z0-9_-]{43}(?="")")]
    private static partial Regex ManageLink();
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>Booking, rescheduling and cancelling with the keyboard alone, focus visible at every stop, in both schemes.</summary>
public sealed class KeyboardJourneyTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public KeyboardJourneyTests(BrowserSite site) => _site = site;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task BookRescheduleAndCancel_WithTheKeyboardOnly(ColorScheme scheme)
    {
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US", TimezoneId = "America/New_York", ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_site.Site.Address, "book/30-minute-meeting?tz=America/New_York").ToString());

        // The skip link comes first and takes the reader past the header.
        await Keyboard.TabToAsync(page, ".mb-skip-link", maxPresses: 1);
        await Expect(page.Locator(".mb-skip-link")).ToBeInViewportAsync();

        // A closed day opens from its heading; a time is chosen with Space and moved with the arrow keys.
        var openDays = await page.Locator("details[open]").CountAsync();
        await Keyboard.TabToAsync(page, "details:not([open]) > summary");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("details[open]")).ToHaveCountAsync(openDays + 1);
        await Keyboard.TabToAsync(page, ".mb-slot input");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowDown");
        var chosen = await page.Locator(".mb-slot input:checked").GetAttributeAsync("value");
        Assert.NotNull(chosen);
        await Keyboard.TabToAsync(page, "#mb-name");
        await page.Keyboard.TypeAsync("Kay Board");
        await Keyboard.TabToAsync(page, "#mb-email");
        await page.Keyboard.TypeAsync($"kay.{scheme.ToString().ToLowerInvariant()}@example.com");
        await Keyboard.TabToAsync(page, ".mb-book-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("You're booked");

        // From the confirmation to the manage page, then a new time.
        await Keyboard.TabToAsync(page, "a.mb-button--primary");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking");
        await Keyboard.TabToAsync(page, ".mb-choices a[href*='/reschedule']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Choose a new time");
        await Keyboard.TabToAsync(page, ".mb-slot input");
        await page.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirm the new time");
        await Keyboard.TabToAsync(page, "#mb-reason");
        await page.Keyboard.TypeAsync("A clash at work");
        await Keyboard.TabToAsync(page, "button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking is rescheduled");

        // Cancelling: the required reason is refused empty, then accepted.
        await Keyboard.TabToAsync(page, ".mb-result a.mb-back-link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking");
        await Keyboard.TabToAsync(page, ".mb-choices a[href*='/cancel']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cancel the booking");
        await Keyboard.TabToAsync(page, "button.mb-button--danger");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#Reason-error")).ToBeVisibleAsync();
        await Keyboard.TabToAsync(page, "#mb-reason");
        await page.Keyboard.TypeAsync("No longer needed");
        await Keyboard.TabToAsync(page, "button.mb-button--danger");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your booking is cancelled");

        // The footer's language buttons work from the keyboard too.
        await Keyboard.TabToAsync(page, ".mb-culture[value=fr]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Vous avez annulé cette réservation");
        if (scheme == ColorScheme.Light)
        {
            await BrowserShots.TakeAsync(page, "manage-cancelled-fr-phone");
        }
    }
}

using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>axe-core over every admin screen, lists and details, in light and dark: the owner's tools are used all day.</summary>
public sealed class AdminAccessibilityTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public AdminAccessibilityTests(BrowserSite site) => _site = site;

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task AdminScreens_HaveNoSeriousOrCriticalAxeViolations(ColorScheme scheme)
    {
        var starts = await _site.FreeStartsAsync("30-minute-meeting", "timeZone=America/New_York");
        await _site.BookAsync("30-minute-meeting", "Grace Hopper", $"grace.{scheme}@example.com", "America/New_York", starts[scheme == ColorScheme.Light ? 5 : 6]);
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        await page.GotoAsync(new Uri(_site.Site.Address, "admin/login").ToString());
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        await _site.SignInAsOwnerAsync(page);

        foreach (var (list, detail) in new[]
        {
            ("admin/bookings", "a[href^='/admin/bookings/']:not([href*='export'])"), // a booking, not the CSV download
            ("admin/staff", "a[href^='/admin/staff/']:not([href$='/audit'])"),
            ("admin/staff/audit", null),
            ("admin/calendar", null),
            ($"admin/calendar?week={starts[5][..10]}", null), // the week with this test's bookings in it
            ("admin/bookings?q=grace&from=not-a-date", null), // a search across tabs, and a date refused beside its field
            ("admin/pages", "a[href^='/admin/pages/']"),
            ("admin/notifications", "a.mb-rule-name"),
            ("admin/notifications/new", null),
            ("admin/outbox", null),
            ("admin/settings", null),
            ("admin/theme", null),
        })
        {
            var response = await page.GotoAsync(new Uri(_site.Site.Address, list).ToString());
            Assert.True(response?.Status == 200, $"{list} answered {response?.Status}");
            problems.AddRange(await Axe.SeriousViolationsAsync(page));
            if (detail is not null)
            {
                var href = await page.Locator(detail).First.GetAttributeAsync("href");
                var opened = await page.GotoAsync(new Uri(_site.Site.Address, href!.TrimStart('/')).ToString());
                Assert.True(opened?.Status == 200, $"{href} answered {opened?.Status}");
                problems.AddRange(await Axe.SeriousViolationsAsync(page));
            }
        }

        // The page editor of a page whose self-service is off, then on, as its live preview shows each.
        await page.GotoAsync(new Uri(_site.Site.Address, "admin/pages").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Consultation", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mb-policy")).ToContainTextAsync("Self-service is off");
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.GetByLabel("Let customers reschedule and cancel from their Manage your booking link").CheckAsync();
        await Assertions.Expect(page.Locator(".mb-policy")).ToContainTextAsync("Bookings can be cancelled");
        problems.AddRange(await Axe.SeriousViolationsAsync(page));

        // A rule's delete step, and its editor with a task of each kind as its live preview shows them.
        await page.GotoAsync(new Uri(_site.Site.Address, "admin/notifications").ToString());
        var rule = await page.Locator("a.mb-rule-name").First.GetAttributeAsync("href");
        Assert.True((await page.GotoAsync(new Uri(_site.Site.Address, rule!.TrimStart('/') + "/delete").ToString()))?.Status == 200, $"{rule}/delete did not open");
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.GotoAsync(new Uri(_site.Site.Address, "admin/notifications/new").ToString());
        await page.GetByLabel("Task to add").SelectOptionAsync("Webhook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await page.GetByLabel("Task to add").SelectOptionAsync("CustomerEmail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mb-rule-task").Nth(1).FrameLocator("iframe.mb-preview__frame:not([data-loading])").Locator("[data-culture='fr']")).ToBeVisibleAsync();
        problems.AddRange(await Axe.SeriousViolationsAsync(page));

        // The staff actions on a booking, each step of them: the picker, its review, the cancel confirm step; and adding a
        // booking for a customer, on a page with one session and on a package.
        var booking = await page.GotoAsync(new Uri(_site.Site.Address, "admin/bookings").ToString());
        Assert.True(booking?.Status == 200);
        await page.Locator("a[href^='/admin/bookings/']:not([href*='export']):not([href$='/new'])").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Choose a new time");
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.Locator(".mb-slot:not(.mb-slot--current)").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Confirm the new time");
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cancel this booking?");
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to", Exact = false }).ClickAsync();
        Assert.Equal(422, (await page.GotoAsync(page.Url + $"/cancel?session={Guid.NewGuid()}"))?.Status); // the choice again, with its message
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        Assert.Equal(200, (await page.GotoAsync(new Uri(_site.Site.Address, "admin/bookings/new").ToString()))?.Status);
        problems.AddRange(await Axe.SeriousViolationsAsync(page));
        foreach (var title in new[] { "30-minute meeting", "15-minute coaching package", "Marketing call" })
        {
            await page.GotoAsync(new Uri(_site.Site.Address, "admin/bookings/new").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);
            problems.AddRange(await Axe.SeriousViolationsAsync(page));
        }

        await BrowserShots.TakeAsync(page, $"admin-booking-new-{scheme.ToString().ToLowerInvariant()}");

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>
/// An owner's brand colour, set in the admin, keeps the customer pages readable in both schemes: this deep purple reads
/// on white but not on the dark scheme's cards (1.7:1), so the dark scheme must get its lighter twin.
/// </summary>
public sealed class OwnerColourTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public OwnerColourTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task ADarkBrandColour_LeavesEveryCustomerPageReadable_InLightAndDark()
    {
        await using (var admin = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" }))
        {
            var page = await admin.NewPageAsync();
            await _site.SignInAsOwnerAsync(page);
            await page.GotoAsync(new Uri(_site.Site.Address, "admin/theme").ToString());
            await page.GetByLabel("Site name in the header").FillAsync("Rivera Studio");
            await page.GetByLabel("Brand colour (#rrggbb)").FillAsync("#5b2a86");
            await page.GetByLabel("Accent colour (#rrggbb)").FillAsync("#0a6b3d");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.Locator("[role=status]")).ToContainTextAsync("Saved");
        }

        var starts = await _site.FreeStartsAsync("30-minute-meeting", "timeZone=America/New_York");
        var booking = await _site.BookAsync("30-minute-meeting", "Ada Lovelace", "ada.colours@example.com", "America/New_York", starts[3]);
        var manage = new Uri(booking.GetProperty("manageUrl").GetString()!).PathAndQuery.TrimStart('/');
        var problems = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ColorScheme = scheme, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
            var page = await context.NewPageAsync();
            foreach (var path in new[] { "book/30-minute-meeting?tz=America/New_York", manage, manage + "/reschedule", manage + "/cancel" })
            {
                await page.GotoAsync(new Uri(_site.Site.Address, path).ToString());
                await Expect(page.Locator(".mb-site-name")).ToHaveTextAsync("Rivera Studio");
                problems.AddRange(await Axe.SeriousViolationsAsync(page));
            }

            await page.GotoAsync(new Uri(_site.Site.Address, manage).ToString());
            await BrowserShots.TakeAsync(page, $"manage-owner-colours-{scheme.ToString().ToLowerInvariant()}-phone");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}

using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>Full-page screenshots saved as test artifacts under artifacts/screenshots.</summary>
internal static class BrowserShots
{
    public static async Task TakeAsync(IPage page, string name)
        => await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, name + ".png"), FullPage = true });
}

using System.Text.Json;
using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>axe-core from the npm registry (installed by ./test.sh with npm ci), run inside the page.</summary>
public static class Axe
{
    private static string Script
    {
        get
        {
            var root = new DirectoryInfo(BrowserSite.ScreenshotFolder).Parent!.Parent!.FullName;
            var path = Path.Combine(root, "tests", "ManageBooking.BrowserTests", "node_modules", "axe-core", "axe.min.js");
            Assert.True(File.Exists(path), "axe-core is missing: run ./test.sh, which installs it with npm ci.");
            return path;
        }
    }

    /// <summary>The serious and critical violations on the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Evaluated through the DevTools protocol: the site's CSP (no inline script) refuses an injected <script> element.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Script));
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, target: v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | ') }))");
        return [.. violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) at {v.GetProperty("target").GetString()}")];
    }
}

using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ManageBooking.Tests.Pages;

/// <summary>
/// Pages link their scripts and stylesheets by fingerprinted names, which are served with a year's immutable cache: a
/// returning visitor asks for none of them again, and a new release's files have new names.
/// </summary>
public sealed class FingerprintedAssetTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task TheBookingPage_LinksItsAssetsByFingerprint_CachedForAYear()
    {
        // A build (which the tests run on) serves its assets with no-cache, for editing them live; this ASP.NET Core
        // setting keeps the headers a published site serves.
        await using var production = App.WithWebHostBuilder(b => b.UseSetting("EnableStaticAssetsDevelopmentCaching", "true"));
        using var client = production.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/book/30-minute-meeting");
        var assets = page.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(url => url.StartsWith("/_content/", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(assets, url => url.Contains("theme.", StringComparison.Ordinal) && url.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, url => url.Contains("/js/zone-picker.", StringComparison.Ordinal));
        foreach (var url in assets)
        {
            // A fingerprint is a segment of the file name (theme.abc123xyz.css), not the plain name.
            Assert.DoesNotMatch(@"/(theme\.css|book\.js|zone-picker\.js)$", url);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            var cache = response.Headers.CacheControl;
            Assert.NotNull(cache);
            Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
            Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        }
    }
}

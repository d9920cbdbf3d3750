using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.TimeZones;

/// <summary>
/// The zone field without the picker's script: a plain form whose text may be a city or country in the page's language;
/// and the one static list the script searches instead of a list in every page.
/// </summary>
public sealed class ZonePickerPageTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("fr", "Londres", "Europe/London")]
    [InlineData("fr", "Tokyo, Japon", "Asia/Tokyo")]
    [InlineData("en", "New York, United States", "America/New_York")] // what the field shows submits unchanged
    [InlineData("en", "Asia/Kolkata", "Asia/Kolkata")]
    public async Task TheBookingPage_TakesACityOrCountryTypedWithoutTheScript(string culture, string typed, string zone)
    {
        var page = await HtmlPage.GetAsync(Client, $"/book/30-minute-meeting?culture={culture}&tz={Uri.EscapeDataString(typed)}");

        Assert.Equal(zone, page.QuerySelector("#mb-tz")?.GetAttribute("data-mb-zone"));
        Assert.Contains(zone.Replace('_', ' '), page.QuerySelector(".mb-zone-picker .mb-hint")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".mb-zone-matches"));
    }

    [Fact]
    public async Task ANameOfSeveralZones_OffersEachToChoose_AndNoneSaysSo()
    {
        var several = await HtmlPage.GetAsync(Client, "/book/30-minute-meeting?tz=Australia");
        var none = await HtmlPage.GetAsync(Client, "/book/30-minute-meeting?tz=Atlantis");

        var choices = several.QuerySelectorAll<IHtmlAnchorElement>(".mb-zone-matches a").ToList();
        Assert.True(choices.Count > 2);
        Assert.Contains(choices, a => a.TextContent == "Adelaide, Australia" && a.GetAttribute("href")!.EndsWith("?tz=Australia%2FAdelaide&date=2026-03-02", StringComparison.Ordinal));
        Assert.Equal("America/New_York", several.QuerySelector("#mb-tz")?.GetAttribute("data-mb-zone")); // the page's own until one is chosen
        Assert.Contains("No time zone matches", none.QuerySelector(".mb-zone-matches")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Atlantis", none.QuerySelector<IHtmlInputElement>("#mb-tz")?.Value);
    }

    [Fact]
    public async Task TheList_IsOneStaticFilePerLanguage_KeptAYearAtItsVersionedAddress()
    {
        var page = await HtmlPage.GetAsync(Client, "/book/30-minute-meeting?culture=fr");
        var address = page.QuerySelector("#mb-tz")!.GetAttribute("data-mb-zones")!;

        using var response = await Client.GetAsync(new Uri(address, UriKind.Relative));
        using var unversioned = await Client.GetAsync(new Uri("/booking/time-zones/fr.json", UriKind.Relative));
        using var unknown = await Client.GetAsync(new Uri("/booking/time-zones/xx.json", UriKind.Relative));

        Assert.StartsWith("/booking/time-zones/fr.json?v=", address, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=300", unversioned.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var zones = JsonSerializer.Deserialize<string[][]>(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(zones, z => z.SequenceEqual(["Europe/London", "Londres", "Royaume-Uni", "London United Kingdom"]));
        Assert.Empty(page.QuerySelectorAll("option")); // pages carry no list
    }

    [Fact]
    public async Task ThePackageManagePage_IsUnder12KilobytesOfHtml()
    {
        var (_, token) = await BookWithTokenAsync("15-minute-package", "2026-03-03T10:00:00-05:00", "2026-03-04T10:00:00-05:00", "2026-03-05T10:00:00-05:00");

        using var response = await Client.GetAsync(new Uri($"/booking/manage/{token}", UriKind.Relative));
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;

        Assert.True(bytes < 12 * 1024, $"The manage page is {bytes} bytes.");
        Assert.NotNull((await HtmlPage.ParseAsync(response)).QuerySelector(".mb-add-calendar"));
    }
}

using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// The admin bookings list as staff use it: times with their page's zone, a search that finds a booking whatever its
/// tab, a row that is one link, a range of dates read in each page's zone, and an export of exactly what is listed.
/// </summary>
public abstract class BookingListTests(DatabaseProvider provider) : AppTestBase(provider)
{
    [Fact]
    public async Task EachTime_CarriesItsPagesZone()
    {
        await BookWithTokenAsync("consultation", "2026-03-04T11:00:00+01:00");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-04T11:00:00-05:00");
        using var admin = await SignInAsync();

        var list = await HtmlPage.GetAsync(admin, "/admin/bookings?filter=all");

        var starts = list.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[3].TextContent).ToList();
        Assert.Equal(2, starts.Count);
        Assert.Contains(starts, s => s.Contains("11:00", StringComparison.Ordinal) && s.Contains("Europe/Paris · UTC+01:00 · CET", StringComparison.Ordinal));
        Assert.Contains(starts, s => s.Contains("11:00", StringComparison.Ordinal) && s.Contains("America/New York · UTC\u221205:00 · EST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASearchFromUpcoming_FindsACancelledBooking_MarkedCancelled_AndTheTabsNarrowIt()
    {
        var (cancelled, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-05T10:00:00-05:00");
        using (var cancel = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "Travelling" }))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        var reference = cancelled.GetProperty("reference").GetString()!;
        using var admin = await SignInAsync();
        var upcoming = await HtmlPage.GetAsync(admin, "/admin/bookings");
        Assert.Single(upcoming.QuerySelectorAll("tbody tr")); // the cancelled one is not on Upcoming

        // The search form as a browser sends it from the Upcoming tab.
        var found = await HtmlPage.GetAsync(admin, FormUrl(SearchForm(upcoming), ("q", reference.ToLowerInvariant())));

        var row = Assert.Single(found.QuerySelectorAll("tbody tr"));
        Assert.Equal(reference, row.QuerySelector(".mb-reference")?.TextContent);
        Assert.Equal("Cancelled", row.QuerySelector(".mb-status")?.TextContent);
        Assert.Equal("page", found.QuerySelector(".mb-tabs a[href^='/admin/bookings?filter=all']")?.GetAttribute("aria-current"));
        var upcomingTab = found.QuerySelector(".mb-tabs a[href^='/admin/bookings?filter=upcoming']")!.GetAttribute("href")!;
        var cancelledTab = found.QuerySelector(".mb-tabs a[href^='/admin/bookings?filter=cancelled']")!.GetAttribute("href")!;
        Assert.Empty((await HtmlPage.GetAsync(admin, upcomingTab)).QuerySelectorAll("tbody tr"));
        Assert.Single((await HtmlPage.GetAsync(admin, cancelledTab)).QuerySelectorAll("tbody tr"));

        // Without a search, the form keeps its tab: a page or dates filter the tab the owner is on.
        var byPage = await HtmlPage.GetAsync(admin, FormUrl(SearchForm(upcoming), ("page", "30-minute-meeting")));
        Assert.Equal("page", byPage.QuerySelector(".mb-tabs a[href^='/admin/bookings?filter=upcoming']")?.GetAttribute("aria-current"));
        Assert.Single(byPage.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task EachRow_IsOneLinkToItsBooking()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        using var admin = await SignInAsync();

        var list = await HtmlPage.GetAsync(admin, "/admin/bookings");

        var row = Assert.Single(list.QuerySelectorAll("tbody tr.mb-row"));
        var link = Assert.Single(row.QuerySelectorAll("a"));
        Assert.Contains("mb-row__link", link.ClassList);
        Assert.Equal($"/admin/bookings/{id}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task ADateRange_IsReadInEachPagesZone_BothEndsIncluded()
    {
        // 10:00 in New York on 3 March is 04:00 on 4 March in Auckland: once the page is in Auckland, it is a 4 March booking.
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await BookWithTokenAsync("consultation", "2026-03-05T09:00:00+01:00");
        await BookWithTokenAsync("consultation", "2026-03-06T16:00:00+01:00");
        await App.ArrangeAsync(async db => (await db.BookingPages.SingleAsync(p => p.Slug == "30-minute-meeting")).TimeZoneId = "Pacific/Auckland");
        using var admin = await SignInAsync();

        Assert.Empty(await CustomersAsync(admin, "from=2026-03-03&to=2026-03-03"));
        Assert.Equal(["30-minute-meeting"], await PagesAsync(admin, "from=2026-03-04&to=2026-03-04"));
        Assert.Equal(["consultation"], await PagesAsync(admin, "from=2026-03-05&to=2026-03-05"));
        Assert.Equal(["30-minute-meeting", "consultation"], await PagesAsync(admin, "to=2026-03-05"));
        Assert.Equal(["consultation", "consultation"], await PagesAsync(admin, "from=2026-03-05"));
        Assert.Equal(3, (await CustomersAsync(admin, "from=2026-03-04&to=2026-03-06")).Count);
    }

    [Theory]
    [InlineData("from=0001-01-01", 3)]
    [InlineData("to=9999-12-31", 3)]
    [InlineData("from=0001-01-01&to=9999-12-31", 3)]
    [InlineData("from=0001-01-02&to=9999-12-30", 3)]
    [InlineData("from=9999-12-31", 0)]
    [InlineData("to=0001-01-01", 0)]
    [InlineData("from=9999-12-30&to=9999-12-31", 0)]
    public async Task TheFirstAndLastDates_FilterWithoutFailing_InZonesEitherSideOfUtc(string range, int expected)
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await BookWithTokenAsync("consultation", "2026-03-05T09:00:00+01:00");
        await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-04T11:00:00-05:00", "2026-03-05T09:00:00-05:00");
        // UTC+14 starts year 1 before the first instant .NET holds; UTC-12 ends year 9999 after the last.
        await App.ArrangeAsync(async db =>
        {
            (await db.BookingPages.SingleAsync(p => p.Slug == "30-minute-meeting")).TimeZoneId = "Pacific/Kiritimati";
            (await db.BookingPages.SingleAsync(p => p.Slug == "15-minute-package")).TimeZoneId = "Etc/GMT+12";
        });
        using var admin = await SignInAsync();

        Assert.Equal(expected, (await CustomersAsync(admin, range)).Count);
        Assert.Equal(expected, (await CsvAsync(admin, "/admin/bookings/export.csv?filter=all&" + range)).Count - 1);
    }

    [Theory]
    [InlineData("from", "2026-02-30")]
    [InlineData("from", "yesterday")]
    [InlineData("to", "0000-12-31")]
    [InlineData("to", "-0001-01-01")]
    [InlineData("from", "10000-01-01")]
    [InlineData("to", "2026-13-01")]
    [InlineData("from", "2026-03-04T10:00")]
    [InlineData("to", "2026-03-04\u0000")]
    public async Task ABadDate_GetsAMessageBesideItsField_AndFiltersNothing(string field, string value)
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await SignInAsync();

        using var response = await admin.GetAsync(new Uri($"/admin/bookings?filter=all&{field}={Uri.EscapeDataString(value)}", UriKind.Relative));
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date as year-month-day", page.QuerySelector($"#{field}-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")?.GetAttribute("aria-invalid"));
        Assert.Single(page.QuerySelectorAll("tbody tr"));
        using var export = await admin.GetAsync(new Uri($"/admin/bookings/export.csv?filter=all&{field}={Uri.EscapeDataString(value)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains(field, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndBeforeTheStart_IsRefusedBesideTheEnd()
    {
        using var admin = await SignInAsync();

        var page = await HtmlPage.GetAsync(admin, "/admin/bookings?from=2026-03-05&to=2026-03-04");

        Assert.Equal("The end date is before the start date.", page.QuerySelector("#to-error")?.TextContent);
    }

    [Fact]
    public async Task TheExportLink_HoldsExactlyTheListedBookings()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        await BookWithTokenAsync("consultation", "2026-03-04T11:00:00+01:00");
        await BookWithTokenAsync("marketing-call", "2026-03-06T10:00:00-05:00");
        using var admin = await SignInAsync();
        var upcoming = await HtmlPage.GetAsync(admin, "/admin/bookings");

        var list = await HtmlPage.GetAsync(admin, FormUrl(SearchForm(upcoming), ("q", "ada"), ("from", "2026-03-04"), ("to", "2026-03-05")));
        var csv = await CsvAsync(admin, System.Net.WebUtility.HtmlDecode(list.QuerySelector("a.mb-export")!.GetAttribute("href")!));

        var listed = list.QuerySelectorAll(".mb-reference").Select(a => a.TextContent).Order().ToList();
        Assert.Equal(2, listed.Count);
        Assert.Equal(listed, csv.Skip(1).Select(r => r[0]).Order());
    }

    private async Task<HttpClient> SignInAsync()
    {
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, "admin@example.test");
    }

    private static IHtmlFormElement SearchForm(IHtmlDocument page)
        => page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == "/admin/bookings");

    /// <summary>The address a browser goes to when the GET form is sent: every field, hidden ones included.</summary>
    private static string FormUrl(IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        var hidden = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => (i.Name!, i.Value));
        var fields = hidden.Concat(HtmlPage.FormValues(form, changes));
        return form.GetAttribute("action") + "?" + string.Join('&', fields.Select(f => f.Item1 + "=" + Uri.EscapeDataString(f.Item2)));
    }

    private static async Task<List<string>> CustomersAsync(HttpClient admin, string range)
        => [.. (await HtmlPage.GetAsync(admin, "/admin/bookings?filter=all&" + range)).QuerySelectorAll(".mb-reference").Select(a => a.TextContent)];

    /// <summary>The pages of the listed bookings, by slug, in the list's order (soonest first).</summary>
    private async Task<List<string>> PagesAsync(HttpClient admin, string range)
    {
        var titles = (await HtmlPage.GetAsync(admin, "/admin/bookings?filter=all&" + range)).QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent).ToList();
        var slugs = await App.QueryAsync(db => db.BookingPages.ToDictionaryAsync(p => p.Title, p => p.Slug));
        return [.. titles.Select(t => slugs[t])];
    }

    private static async Task<List<string[]>> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The references and dates in these rows hold no comma or quote: a line split is enough here (BookingExportTests parses RFC 4180).
        return [.. (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Split(','))];
    }
}

public sealed class SqliteBookingListTests() : BookingListTests(DatabaseProvider.Sqlite);

public sealed class PostgresBookingListTests() : BookingListTests(DatabaseProvider.Postgres);

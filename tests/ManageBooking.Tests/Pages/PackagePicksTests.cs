using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Pages;

/// <summary>Booking a package without JavaScript: times chosen in one week stay chosen in the next, counted, and removable.</summary>
public sealed class PackagePicksTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Url = "/book/15-minute-package";

    [Fact]
    public async Task PicksTravelToTheNextWeek_WithTheCounter_AndThePackageBooksAcrossBothWeeks()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var first = await HtmlPage.GetAsync(client, Url + "?tz=America/New_York");
        Assert.Equal("0 of 3 chosen", first.QuerySelector(".mb-pick-count")?.TextContent.Trim());
        var next = first.QuerySelector<IHtmlButtonElement>(".mb-week-nav button[name=ShowWeek]:last-child")!.Value;

        using var moved = await HtmlPage.SubmitAsync(client, Form(first), Url, ("Starts", "2026-03-04T10:00:00-05:00"), ("ShowWeek", next), ("Name", "Grace"));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var second = await HtmlPage.ParseAsync(moved);
        Assert.Equal("1 of 3 chosen", second.QuerySelector(".mb-pick-count")?.TextContent.Trim());
        Assert.Equal(["2026-03-04T10:00:00-05:00"], second.QuerySelectorAll<IHtmlInputElement>("form.mb-book-form input[type=hidden][name=Starts]").Select(i => i.Value));
        Assert.Contains("Wednesday, March 4, 2026", second.QuerySelector(".mb-pick")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Grace", second.QuerySelector<IHtmlInputElement>("#mb-name")?.Value); // what was typed stays too
        Assert.Equal(next, second.QuerySelector<IHtmlInputElement>("form.mb-book-form input[name=Date]")?.Value);

        using var booked = await HtmlPage.SubmitAsync(client, Form(second), Url,
            ("Starts", "2026-03-10T10:00:00-04:00"), ("Starts", "2026-03-11T10:00:00-04:00"), ("Name", "Grace Hopper"), ("Email", "grace@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var sessions = await App.QueryAsync(db => db.BookingSessions.OrderBy(s => s.StartUtc).Select(s => s.StartUtc).ToListAsync());
        Assert.Equal([new DateTime(2026, 3, 4, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 11, 14, 0, 0, DateTimeKind.Utc)], sessions);
    }

    [Fact]
    public async Task APick_CanBeRemoved()
    {
        var first = await HtmlPage.GetAsync(Client, Url + "?tz=America/New_York");
        using var two = await HtmlPage.SubmitAsync(Client, Form(first), Url, ("Starts", "2026-03-04T10:00:00-05:00"), ("Starts", "2026-03-05T10:00:00-05:00"), ("ShowWeek", "2026-03-02"));
        var page = await HtmlPage.ParseAsync(two);
        Assert.Equal("2 of 3 chosen", page.QuerySelector(".mb-pick-count")?.TextContent.Trim());

        using var removed = await HtmlPage.SubmitAsync(Client, Form(page), Url, ("Starts", "2026-03-04T10:00:00-05:00"), ("Starts", "2026-03-05T10:00:00-05:00"), ("Remove", "2026-03-04T10:00:00-05:00"));

        var after = await HtmlPage.ParseAsync(removed);
        Assert.Equal("1 of 3 chosen", after.QuerySelector(".mb-pick-count")?.TextContent.Trim());
        Assert.Equal(["2026-03-05T10:00:00-05:00"], after.QuerySelectorAll<IHtmlInputElement>(".mb-slot input:checked").Select(i => i.Value));
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    private static IHtmlFormElement Form(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Pages;

/// <summary>The booking page as a browser without JavaScript uses it: pick a time, enter name and email, book.</summary>
public sealed class BookPageTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Url = "/book/30-minute-meeting";

    [Fact]
    public async Task Get_ShowsTheWeeksTimesInTheChosenZoneAndAProtectedForm()
    {
        var page = await HtmlPage.GetAsync(Client, Url + "?tz=Europe/Paris");

        Assert.Equal("30-minute meeting", page.QuerySelector("h1")?.TextContent.Trim());
        var slots = page.QuerySelectorAll<IHtmlInputElement>(".mb-slot input[type=radio]").ToList();
        Assert.Contains(slots, s => s.Value == "2026-03-02T15:00:00+01:00");
        Assert.Equal(("Paris, France", "Europe/Paris"), (page.QuerySelector<IHtmlInputElement>("#mb-tz")?.Value, page.QuerySelector("#mb-tz")?.GetAttribute("data-mb-zone")));
        Assert.Contains("UTC+01:00", page.QuerySelector(".mb-zone-picker .mb-hint")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.mb-book-form input[name=__RequestVerificationToken]"));
        Assert.NotNull(page.QuerySelector("label[for=mb-name]"));
        Assert.NotNull(page.QuerySelector("label[for=mb-email]"));
    }

    [Fact]
    public async Task APerPageAlternate_InTheSite_ReplacesThePartialForThatPageOnly()
    {
        var marketing = await HtmlPage.GetAsync(Client, "/book/marketing-call");
        var meeting = await HtmlPage.GetAsync(Client, Url);

        Assert.Contains("within one working day", marketing.QuerySelector(".mb-reply-promise")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Marketing call", marketing.QuerySelector("h1")?.TextContent.Trim()); // the alternate wraps the original header
        Assert.Null(meeting.QuerySelector(".mb-reply-promise"));
    }

    [Fact]
    public async Task Get_UnknownPage_Is404()
    {
        using var response = await Client.GetAsync(new Uri("/book/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_BooksAndTheConfirmationShowsTheReferenceAndTheManageLink()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await HtmlPage.GetAsync(client, Url + "?tz=America/New_York");
        var form = page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;

        using var posted = await HtmlPage.SubmitAsync(client, form, Url,
            ("Starts", "2026-03-02T11:00:00-05:00"), ("Name", "Grace Hopper"), ("Email", "grace@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(Url + "/confirmed", posted.Headers.Location?.ToString());
        var confirmation = await HtmlPage.GetAsync(client, Url + "/confirmed");
        var booking = await App.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal("Grace Hopper", booking.CustomerName);
        Assert.Equal(booking.Reference, confirmation.QuerySelector(".mb-reference")?.TextContent.Trim());
        var manage = confirmation.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent.Contains("Manage your booking", StringComparison.Ordinal));
        Assert.StartsWith("/booking/manage/", manage.GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(ManageBooking.Tokens.ManageToken.TryReadBookingId(manage.GetAttribute("href")!["/booking/manage/".Length..], out var named));
        Assert.Equal(booking.Id, named);

        // A reload of the confirmation still shows it.
        var reloaded = await HtmlPage.GetAsync(client, Url + "/confirmed");
        Assert.Equal(booking.Reference, reloaded.QuerySelector(".mb-reference")?.TextContent.Trim());
    }

    [Fact]
    public async Task Post_OnAPageWithSelfServiceOff_ConfirmsWithoutAManageLink()
    {
        var page = await HtmlPage.GetAsync(Client, "/book/consultation?tz=Europe/Paris");
        var form = page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;
        var slot = page.QuerySelector<IHtmlInputElement>(".mb-slot input")!.Value;

        using var response = await HtmlPage.SubmitAsync(Client, form, "/book/consultation", ("Starts", slot), ("Name", "Alan"), ("Email", "alan@example.com"));

        var confirmation = await HtmlPage.ParseAsync(response);
        Assert.NotNull(confirmation.QuerySelector(".mb-reference"));
        Assert.DoesNotContain("Manage your booking", confirmation.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithBadFields_ShowsMessagesBesideTheFieldsAndBooksNothing()
    {
        var page = await HtmlPage.GetAsync(Client, Url + "?tz=America/New_York");
        var form = page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;

        using var response = await HtmlPage.SubmitAsync(Client, form, Url, ("Name", ""), ("Email", "grace@"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var again = await HtmlPage.ParseAsync(response);
        Assert.NotNull(again.QuerySelector("#Name-error"));
        Assert.NotNull(again.QuerySelector("#Email-error"));
        Assert.NotNull(again.QuerySelector("#Starts-error"));
        Assert.Equal("true", again.QuerySelector("#mb-email")?.GetAttribute("aria-invalid"));
        Assert.Equal("grace@", again.QuerySelector<IHtmlInputElement>("#mb-email")?.Value);
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Post_ATimeTakenMeanwhile_SaysSoAndKeepsTheCustomersDetails()
    {
        using var first = await BookAsync("30-minute-meeting", "2026-03-02T11:00:00-05:00");
        var page = await HtmlPage.GetAsync(Client, Url + "?tz=America/New_York");
        var form = page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;

        using var response = await HtmlPage.SubmitAsync(Client, form, Url,
            ("Starts", "2026-03-02T11:00:00-05:00"), ("Name", "Grace Hopper"), ("Email", "grace@example.com"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var again = await HtmlPage.ParseAsync(response);
        Assert.Contains("just booked", again.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Grace Hopper", again.QuerySelector<IHtmlInputElement>("#mb-name")?.Value);
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var content = new FormUrlEncodedContent([
            new("Starts", "2026-03-02T11:00:00-05:00"), new("Name", "Mallory"), new("Email", "mallory@example.com"), new("TimeZone", "UTC")]);
        using var response = await Client.PostAsync(new Uri(Url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }
}

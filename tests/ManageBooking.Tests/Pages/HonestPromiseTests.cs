using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Pages;

/// <summary>
/// Pages promise self-service only where it exists, show how to reach the owner wherever it does not, and hand the
/// customer the session for their own calendar.
/// </summary>
public sealed class HonestPromiseTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task AConfirmation_AlreadyInsideEveryCutoff_PromisesNoChangeOnline_AndShowsTheContact()
    {
        // The package allows cancelling up to 24 hours and rescheduling up to 12 hours before a session: today is too late.
        var confirmation = await BookThroughTheFormAsync("15-minute-package", "2026-03-02T11:00:00-05:00", "2026-03-02T11:30:00-05:00", "2026-03-02T12:00:00-05:00");

        Assert.DoesNotContain("You can reschedule or cancel", confirmation.QuerySelector(".mb-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("View your booking", confirmation.QuerySelector("a.mb-button")?.TextContent.Trim());
        Assert.Equal("mailto:alex@example.com", confirmation.QuerySelector(".mb-contact a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AConfirmation_WithTimeToSpare_PromisesTheManageLink()
    {
        var confirmation = await BookThroughTheFormAsync("30-minute-meeting", "2026-03-04T11:00:00-05:00");

        Assert.Contains("You can reschedule or cancel", confirmation.QuerySelector(".mb-result")!.TextContent, StringComparison.Ordinal);
        Assert.Null(confirmation.QuerySelector(".mb-contact"));
        var where = confirmation.QuerySelector(".mb-location a");
        Assert.Equal(("https://meet.example.com/alex-rivera", "noopener noreferrer"), (where?.GetAttribute("href"), where?.GetAttribute("rel")));
    }

    [Fact]
    public async Task APageWithTheToggleOff_PromisesNoManageLinkBeforeOrAfter_AndShowsTheOwnersOwnContactText()
    {
        await App.ArrangeAsync(async db => (await db.BookingPages.SingleAsync(p => p.Slug == "consultation")).Manage.ContactText = "Call Sam on 01 23 45 67 89.");
        var form = await HtmlPage.GetAsync(Client, "/book/consultation?tz=Europe/Paris");

        var confirmation = await BookThroughTheFormAsync("consultation", "2026-03-03T10:00:00+01:00");

        Assert.Equal("We send the confirmation here.", form.QuerySelector("#email-hint")?.TextContent.Trim());
        Assert.Contains("Okafor Conseil, 12 rue de Rivoli", form.QuerySelector(".mb-meta__location")?.TextContent, StringComparison.Ordinal);
        Assert.Null(confirmation.QuerySelector("a[href^='/booking/manage/']:not([href$='.ics'])"));
        Assert.Equal("Call Sam on 01 23 45 67 89.", confirmation.QuerySelector(".mb-contact")?.TextContent.Trim());
    }

    [Fact]
    public async Task ABookingPageBeforeBooking_NamesTheVideoCallButKeepsItsLink()
    {
        var page = await HtmlPage.GetAsync(Client, "/book/30-minute-meeting?tz=America/New_York");

        Assert.Contains("Video call", page.QuerySelector(".mb-meta__location")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.com", page.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheManagePage_OffersTheSessionsForTheCustomersCalendar()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");

        using var file = await Client.GetAsync(new Uri($"/booking/manage/{token}/calendar.ics", UriKind.Relative));
        var text = await file.Content.ReadAsStringAsync();

        var links = page.QuerySelectorAll<IHtmlAnchorElement>(".mb-add-calendar a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal($"/booking/manage/{token}/calendar.ics", links[0]);
        Assert.StartsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&text=30-minute%20meeting%20with%20Alex%20Rivera&dates=20260304T150000Z%2F20260304T153000Z", links[1], StringComparison.Ordinal);
        Assert.StartsWith("https://outlook.live.com/calendar/0/deeplink/compose?", links[2], StringComparison.Ordinal);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", file.Content.Headers.ContentDisposition?.DispositionType, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260304T150000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("LOCATION:https://meet.example.com/alex-rivera\r\n", text, StringComparison.Ordinal);
        Assert.Equal("no-store", file.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AStaffLocationForOneBooking_ReachesTheManagePageAndTheApi()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

        using var refused = await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/location", ("kind", "Video"), ("value", "javascript:alert(1)"), ("caller", "CustomerCalls"));
        using var saved = await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/location", ("kind", "InPerson"), ("value", "Room 4, 10 Main St"), ("caller", "CustomerCalls"));

        var api = await GetJsonAsync($"/api/manage/{token}");
        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");
        Assert.Equal(("InPerson", "Room 4, 10 Main St"), (api.GetProperty("location").GetProperty("kind").GetString(), api.GetProperty("location").GetProperty("value").GetString()));
        Assert.Contains("Room 4, 10 Main St", page.QuerySelector(".mb-location")?.TextContent, StringComparison.Ordinal);
        var history = await App.QueryAsync(db => db.BookingHistory.Where(h => h.Action == Models.HistoryAction.LocationChanged).Select(h => h.Detail).ToListAsync());
        Assert.Equal(["InPerson: Room 4, 10 Main St"], history); // the refused address changed nothing
    }

    /// <summary>Books through the booking form as a browser without JavaScript would, and returns the confirmation.</summary>
    private async Task<IHtmlDocument> BookThroughTheFormAsync(string slug, params string[] starts)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });
        var page = await HtmlPage.GetAsync(client, $"/book/{slug}");
        var form = page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;
        using var posted = await HtmlPage.SubmitAsync(client, form, $"/book/{slug}",
            [.. starts.Select(s => ("Starts", s)), ("Name", "Grace Hopper"), ("Email", "grace@example.com")]);
        Assert.True(posted.StatusCode == HttpStatusCode.OK, $"booking answered {(int)posted.StatusCode}");
        return await HtmlPage.ParseAsync(posted);
    }
}

using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Pages;

/// <summary>The Manage your booking pages as a customer without JavaScript uses them.</summary>
public sealed class ManagePageTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Overview_ShowsTheBookingInTheCustomersZoneWithThePolicyAndThreeChoices()
    {
        var (booking, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");

        Assert.Equal("30-minute meeting", page.QuerySelector(".mb-eyebrow")?.TextContent.Trim());
        Assert.Equal(booking.GetProperty("reference").GetString(), page.QuerySelector(".mb-reference")?.TextContent.Trim());
        Assert.Matches(@"3:00\sPM", page.QuerySelector(".mb-session")?.TextContent); // 10:00 New York in London, in English's 12-hour clock
        Assert.Equal("Europe/London · UTC±00:00 · GMT", page.QuerySelector(".mb-zone-label")?.TextContent.Trim());
        Assert.Contains("cancelled any time before they start", page.QuerySelector(".mb-policy")?.TextContent, StringComparison.Ordinal);
        var choices = page.QuerySelectorAll(".mb-choices a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Reschedule", "Cancel", "Keep"], choices);
    }

    [Fact]
    public async Task Overview_InAnotherZone_ShowsTheOffsetAndDaylightSavingMarker()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-10T10:00:00-04:00");

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}?tz=America/New_York");

        Assert.Contains("10:00", page.QuerySelector(".mb-session")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("America/New York · UTC−04:00 · EDT, daylight saving time", page.QuerySelector(".mb-zone-label")?.TextContent.Trim());
    }

    [Fact]
    public async Task Keep_ChangesNothingAndSaysSo()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/keep");

        Assert.Equal("Nothing changed", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));
    }

    [Fact]
    public async Task Cancel_ConfirmWithAReason_ThenTheResultAndAReadOnlyPage()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var confirm = await HtmlPage.GetAsync(client, $"/booking/manage/{token}/cancel");
        Assert.NotNull(confirm.QuerySelector("label[for=mb-reason]"));

        using var posted = await HtmlPage.SubmitAsync(client, Form(confirm), $"/booking/manage/{token}/cancel", ("Reason", "The project is on hold"));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var result = await HtmlPage.GetAsync(client, posted.Headers.Location!.ToString());
        Assert.Equal("Your booking is cancelled", result.QuerySelector("h1")?.TextContent.Trim());
        var overview = await HtmlPage.GetAsync(client, $"/booking/manage/{token}");
        Assert.Contains("cancelled by you", overview.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(overview.QuerySelectorAll(".mb-choices a"));
        Assert.Equal(BookingStatus.Cancelled, await App.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Cancel_WithoutARequiredReason_ShowsTheMessageBesideTheField()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var confirm = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/cancel");
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        using var posted = await HtmlPage.SubmitAsync(Client, Form(confirm), $"/booking/manage/{token}/cancel", ("Reason", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        var again = await HtmlPage.ParseAsync(posted);
        Assert.NotNull(again.QuerySelector("#Reason-error"));
        Assert.Equal("true", again.QuerySelector("#mb-reason")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));
    }

    [Fact]
    public async Task Reschedule_PickATime_ReviewOldAndNew_Confirm()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var picker = await HtmlPage.GetAsync(client, $"/booking/manage/{token}/reschedule?tz=America/New_York&date=2026-03-04");
        var choice = picker.QuerySelectorAll<IHtmlInputElement>("input[name=start]").First(i => i.Value == "2026-03-04T14:00:00-05:00");
        var pickerForm = (IHtmlFormElement)choice.Closest("form")!;
        var session = pickerForm.QuerySelector<IHtmlInputElement>("input[name=session]")!.Value;
        var review = await HtmlPage.GetAsync(client, $"/booking/manage/{token}/reschedule/review?session={session}&start={Uri.EscapeDataString(choice.Value)}&tz=America/New_York");
        Assert.Contains("10:00", review.QuerySelector(".mb-change .mb-struck")?.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"2:00\sPM", review.QuerySelector(".mb-change .mb-new-time")?.TextContent);

        using var posted = await HtmlPage.SubmitAsync(client, Form(review), $"/booking/manage/{token}/reschedule", ("Reason", "Morning is better"));

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var result = await HtmlPage.GetAsync(client, posted.Headers.Location!.ToString());
        Assert.Equal("Your booking is rescheduled", result.QuerySelector("h1")?.TextContent.Trim());
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.Sessions).SingleAsync());
        Assert.Equal(BookingStatus.Rescheduled, booking.Status);
        Assert.Equal(new DateTime(2026, 3, 4, 19, 0, 0, DateTimeKind.Utc), booking.Sessions.Single(s => s.Status == SessionStatus.Scheduled).StartUtc);
    }

    [Fact]
    public async Task Reschedule_IntoATimeTakenWhileReviewing_SaysSoAndOffersAnother()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var session = await App.QueryAsync(db => db.BookingSessions.Select(s => s.Id).SingleAsync());
        var review = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/reschedule/review?session={session}&start={Uri.EscapeDataString("2026-03-04T14:00:00-05:00")}&tz=America/New_York");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-04T14:00:00-05:00");

        using var posted = await HtmlPage.SubmitAsync(Client, Form(review), $"/booking/manage/{token}/reschedule");

        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        var again = await HtmlPage.ParseAsync(posted);
        Assert.Contains("Choose another time", again.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleForm_AfterTheBookingChangedElsewhere_IsToldToReload()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var confirm = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/cancel");
        using (var moved = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-03T11:00:00-05:00" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using var posted = await HtmlPage.SubmitAsync(Client, Form(confirm), $"/booking/manage/{token}/cancel", ("Reason", "Cancel the old one"));

        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("Reload", (await HtmlPage.ParseAsync(posted)).QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Rescheduled, await App.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task SelfServiceOff_IsReadOnlyWithTheOwnersContact()
    {
        var (_, token) = await BookWithTokenAsync("consultation", "2026-03-03T10:00:00+01:00");

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");
        using var cancel = await Client.GetAsync(new Uri($"/booking/manage/{token}/cancel", UriKind.Relative));

        Assert.Contains("can't be changed online", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:sam@example.com", page.QuerySelector(".mb-contact a")?.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".mb-choices a"));
        Assert.Equal("Your booking", (await HtmlPage.ParseAsync(cancel)).QuerySelector("h1")?.TextContent.Trim()); // sent back to the overview
    }

    [Fact]
    public async Task PendingRequest_SaysItAwaitsApprovalAndOffersRequestChoices()
    {
        var (_, token) = await BookWithTokenAsync("marketing-call", "2026-03-03T13:00:00-05:00");

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");

        Assert.Equal("Your booking request", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("awaiting approval", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Request new times", "Cancel request", "Keep"], page.QuerySelectorAll(".mb-choices a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Package_ListsSessionsWithCheckboxes_AndThoseTooLateAreNotSelectable()
    {
        var (_, token) = await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        Clock.Set(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero)); // 23 hours before the first: past its cancel cutoff (24 h), not its reschedule cutoff (12 h)

        var overview = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");
        var confirm = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/cancel");

        Assert.Equal(3, overview.QuerySelectorAll(".mb-session__action").Length);
        var boxes = confirm.QuerySelectorAll<IHtmlInputElement>("input[name=SessionIds]").ToList();
        Assert.Equal(3, boxes.Count);
        Assert.Equal([true, false, false], boxes.Select(b => b.IsDisabled));

        var second = boxes[1].Value;
        using var posted = await HtmlPage.SubmitAsync(Client, Form(confirm), $"/booking/manage/{token}/cancel", ("SessionIds", second));
        var result = await HtmlPage.ParseAsync(posted);
        Assert.Equal("Sessions cancelled", result.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(1, await App.QueryAsync(db => db.BookingSessions.CountAsync(s => s.Status == SessionStatus.Cancelled)));
    }

    [Fact]
    public async Task PastBooking_IsReadOnly()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-02T10:00:00-05:00");
        Clock.Set(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");

        Assert.Contains("already taken place", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".mb-choices a"));
    }

    [Fact]
    public async Task UnknownAndMalformedLinks_ShowTheSameNotFoundPage()
    {
        using var unknown = await Client.GetAsync(new Uri($"/booking/manage/{TestLinkKeys.UnknownToken()}", UriKind.Relative));
        using var malformed = await Client.GetAsync(new Uri("/booking/manage/abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal((await HtmlPage.ParseAsync(unknown)).QuerySelector("main")?.TextContent, (await HtmlPage.ParseAsync(malformed)).QuerySelector("main")?.TextContent);
    }

    private static IHtmlFormElement Form(IHtmlDocument page) => page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
}

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

/// <summary>
/// The Reschedule tab as the seeds have it, without JavaScript: tick several sessions, a new time for each in turn,
/// one summary, one change; honest pickers (the current time shown, not choosable; an empty Continue says why).
/// </summary>
public sealed class RescheduleFlowTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Package = "15-minute-package";

    [Fact]
    public async Task APackage_ThreeSessionsMovedThroughOneSummary_AreOneChangeOneHistoryEntryAndOneEmailEach()
    {
        var (_, token) = await BookWithTokenAsync(Package, "2026-03-03T10:00:00-05:00", "2026-03-04T10:00:00-05:00", "2026-03-05T10:00:00-05:00");
        var manage = $"/booking/manage/{token}";
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var tab = await HtmlPage.GetAsync(client, $"{manage}/reschedule?tz=America/New_York");
        var sessions = tab.QuerySelectorAll<IHtmlInputElement>("input[name=session]").Select(i => i.Value).ToList();
        Assert.Equal(3, sessions.Count);
        var url = $"{manage}/reschedule?tz=America/New_York&choose=true&" + string.Join('&', sessions.Select(s => "session=" + s));
        foreach (var (newStart, step) in new[] { ("2026-03-10T09:00:00-04:00", 1), ("2026-03-10T09:30:00-04:00", 2), ("2026-03-10T10:00:00-04:00", 3) })
        {
            var picker = await HtmlPage.GetAsync(client, url + "&date=2026-03-10");
            Assert.Equal($"Session {step} of 3", picker.QuerySelector(".mb-step")?.TextContent.Trim());
            Assert.Equal(step - 1, picker.QuerySelectorAll(".mb-summary dd .mb-struck").Length); // the times chosen so far
            var form = picker.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;
            url = $"{manage}/reschedule?" + string.Join('&', form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => $"{i.Name}={Uri.EscapeDataString(i.Value)}"))
                + "&start=" + Uri.EscapeDataString(newStart);
        }

        using var complete = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        var review = await HtmlPage.GetAsync(client, complete.Headers.Location!.ToString());
        Assert.Equal(3, review.QuerySelectorAll(".mb-change").Length);
        Assert.Equal("Confirm the new times", review.QuerySelector("h1")?.TextContent.Trim());
        using var posted = await HtmlPage.SubmitAsync(client, Form(review), $"{manage}/reschedule");

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.Sessions).Include(b => b.History).SingleAsync());
        Assert.Equal(1, booking.RescheduleCount);
        Assert.Equal(
            [new DateTime(2026, 3, 10, 13, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 13, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc)],
            booking.Sessions.Where(s => s.Status == SessionStatus.Scheduled).Select(s => s.StartUtc).Order());
        var entry = Assert.Single(booking.History, h => h.Action == HistoryAction.Rescheduled);
        Assert.Equal(3, entry.Moves.Count);
        var emails = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Summary.Contains("rescheduled")).Select(m => m.Summary).ToListAsync());
        Assert.Equal(["ada@example.com", "alex@example.com", "assistant@example.com"], emails.Select(s => s.Split(" · ")[0]).Order());
    }

    [Fact]
    public async Task ThePicker_ShowsTheSessionsCurrentTimeAsCurrent_AndItCannotBeChosen()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        var picker = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/reschedule?tz=America/New_York");

        var current = picker.QuerySelector<IHtmlInputElement>("input[name=start][value='2026-03-03T10:00:00-05:00']")!;
        Assert.True(current.IsDisabled);
        Assert.Equal("Current time", current.Closest(".mb-slot--current")?.QuerySelector(".mb-slot__tag")?.TextContent.Trim());
        Assert.Single(picker.QuerySelectorAll("input[name=start]:disabled"));
    }

    [Fact]
    public async Task Continue_WithoutATime_SaysWhy()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var picker = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/reschedule?tz=America/New_York");
        var hidden = picker.QuerySelector<IHtmlFormElement>("form.mb-book-form")!.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]");

        using var continued = await Client.GetAsync(new Uri($"/booking/manage/{token}/reschedule?" + string.Join('&', hidden.Select(i => $"{i.Name}={Uri.EscapeDataString(i.Value)}")), UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, continued.StatusCode);
        var page = await HtmlPage.ParseAsync(continued);
        Assert.Equal("Choose a new time for this session, or go back.", page.QuerySelector("#start-error")?.TextContent.Trim());
        Assert.Equal("start-error", page.QuerySelector(".mb-slot-picker")?.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Continue_WithNoSessionTicked_SaysWhy()
    {
        var (_, token) = await BookWithTokenAsync(Package, "2026-03-03T10:00:00-05:00", "2026-03-04T10:00:00-05:00", "2026-03-05T10:00:00-05:00");

        using var continued = await Client.GetAsync(new Uri($"/booking/manage/{token}/reschedule?tz=America/New_York&choose=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, continued.StatusCode);
        Assert.Equal("Tick at least one session to reschedule.", (await HtmlPage.ParseAsync(continued)).QuerySelector("#session-error")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("marketing-call", true)]
    [InlineData("30-minute-meeting", false)]
    public async Task TheSummary_OfAConfirmedBookingOnAManualApprovalPage_WarnsItGoesBackToPending(string slug, bool warned)
    {
        var (_, token) = await BookWithTokenAsync(slug, "2026-03-04T10:00:00-05:00");
        await App.ArrangeAsync(async db => (await db.Bookings.SingleAsync()).Status = BookingStatus.Confirmed);
        var session = await App.QueryAsync(db => db.BookingSessions.Select(s => s.Id).SingleAsync());

        var review = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}/reschedule/review?session={session}&start={Uri.EscapeDataString("2026-03-05T11:00:00-05:00")}&tz=America/New_York");

        Assert.Equal(warned, review.QuerySelector(".mb-pending-warning") is not null);
        Assert.Equal(warned ? "Request this time" : "Confirm new time", review.QuerySelector("form[method=post]:not(.mb-culture-picker) button[type=submit]")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("Cancelled")]
    [InlineData("Declined")]
    public async Task ABookingThatEnded_OffersBookAgainOnTheSamePage(string status)
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        await App.ArrangeAsync(async db => (await db.Bookings.SingleAsync()).Status = Enum.Parse<BookingStatus>(status));

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");
        var open = await HtmlPage.GetAsync(Client, $"/booking/manage/{(await BookWithTokenAsync("30-minute-meeting", "2026-03-05T10:00:00-05:00")).Token}");

        Assert.Equal("/book/30-minute-meeting", page.QuerySelector<IHtmlAnchorElement>("a.mb-book-again")?.GetAttribute("href"));
        Assert.Contains("alex@example.com", page.QuerySelector(".mb-contact")?.TextContent, StringComparison.Ordinal);
        Assert.Null(open.QuerySelector("a.mb-book-again"));
    }

    [Fact]
    public async Task TheApi_MovesSeveralSessionsInOneChange()
    {
        var (booking, token) = await BookWithTokenAsync(Package, "2026-03-03T10:00:00-05:00", "2026-03-04T10:00:00-05:00", "2026-03-05T10:00:00-05:00");
        var ids = booking.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();

        using var response = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new
        {
            moves = new[] { new { sessionId = ids[0], start = "2026-03-10T09:00:00-04:00" }, new { sessionId = ids[2], start = "2026-03-10T09:30:00-04:00" } },
        }, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await App.QueryAsync(db => db.BookingHistory.Where(h => h.Action == HistoryAction.Rescheduled).ToListAsync());
        Assert.Equal(2, Assert.Single(history).Moves.Count);
    }

    private static IHtmlFormElement Form(IHtmlDocument page)
        => page.QuerySelector<IHtmlFormElement>("form[method=post]:not(.mb-culture-picker)")!;
}

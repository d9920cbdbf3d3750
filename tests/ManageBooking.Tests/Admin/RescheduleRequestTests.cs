using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// Staff ask the customer to pick a new time: the booking stays, flagged; the customer's email carries the staff's
/// message and a working link to the picker, even where self-service is off; the customer's pick clears the flag.
/// </summary>
public abstract partial class RescheduleRequestTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Message = "Our coach is away that day, sorry!";

    [Fact]
    public async Task ARequestedReschedule_EmailsAWorkingLink_AndTheCustomersPickClearsTheFlag()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await App.ArrangeAsync(async db => (await db.BookingPages.SingleAsync(p => p.Slug == "30-minute-meeting")).Manage.Enabled = false);
        await App.DispatchAsync();
        var before = Directory.GetFiles(App.MailFolder, "*.eml").ToHashSet();
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");
        using (var closed = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-04T10:00:00-05:00" }, Json))
        {
            Assert.NotEqual(HttpStatusCode.OK, closed.StatusCode); // self-service is off: the customer cannot move it yet
        }

        using (var requested = await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/request-reschedule", ("message", Message)))
        {
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        }

        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).SingleAsync());
        Assert.NotNull(booking.RescheduleRequestedUtc);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal((Actor.Staff, "admin@example.test", Message), booking.History.Where(h => h.Action == HistoryAction.RescheduleRequested).Select(h => (h.Actor, h.ActorName, h.Reason)).Single());
        Assert.Contains("reschedule requested", (await HtmlPage.GetAsync(admin, "/admin/bookings")).QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(1, await App.DispatchAsync()); // the customer alone
        var mail = SmtpSink.DecodeFile(Directory.GetFiles(App.MailFolder, "*.eml").Single(f => !before.Contains(f)));
        Assert.Contains("ada@example.com", mail.GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Please pick a new time", mail.Subject(), StringComparison.Ordinal);
        Assert.Contains(Message, WebUtility.HtmlDecode(mail.Html()), StringComparison.Ordinal);
        var link = new Uri(PickLink().Match(mail.Html()).Value);
        Assert.Equal($"/booking/manage/{token}/reschedule", link.AbsolutePath);

        var picker = await HtmlPage.GetAsync(Client, link.PathAndQuery);
        Assert.NotEmpty(picker.QuerySelectorAll("main a, main button, main input"));
        var manage = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");
        Assert.NotNull(manage.QuerySelector(".mb-alert--requested"));

        using (var moved = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-05T10:00:00-05:00" }, Json))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        Assert.Null(await App.QueryAsync(db => db.Bookings.Select(b => b.RescheduleRequestedUtc).SingleAsync()));
        Assert.DoesNotContain("reschedule requested", (await HtmlPage.GetAsync(admin, "/admin/bookings")).QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await HtmlPage.GetAsync(Client, $"/booking/manage/{token}")).QuerySelector(".mb-alert--requested"));

        // Answered: self-service is off again for this booking.
        using var closedAgain = await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/reschedule", UriKind.Relative), new { start = "2026-03-06T10:00:00-05:00" }, Json);
        Assert.NotEqual(HttpStatusCode.OK, closedAgain.StatusCode);
    }

    [Fact]
    public async Task ARequestOnACancelledBooking_IsRefused_AndChangesNothing()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using (await Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), new { reason = "Plans changed" }, Json))
        {
        }

        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");
        var page = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Null(page.QuerySelector($"form[action='/admin/bookings/{id}/request-reschedule']"));
        var token2 = page.QuerySelector("form[action='/admin/logout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("message", "x"), new("__RequestVerificationToken", token2)]);
        using (await admin.PostAsync(new Uri($"/admin/bookings/{id}/request-reschedule", UriKind.Relative), content))
        {
        }

        Assert.Null(await App.QueryAsync(db => db.Bookings.Select(b => b.RescheduleRequestedUtc).SingleAsync()));
        Assert.DoesNotContain(await App.QueryAsync(db => db.BookingHistory.Select(h => h.Action).ToListAsync()), a => a == HistoryAction.RescheduleRequested);
    }

    [GeneratedRegex(@"https://bookings\.example\.test/booking/manage/[A-Za-z0-9_-]{43}/reschedule")]
    private static partial Regex PickLink();
}

public sealed class SqliteRescheduleRequestTests() : RescheduleRequestTests(DatabaseProvider.Sqlite);

public sealed class PostgresRescheduleRequestTests() : RescheduleRequestTests(DatabaseProvider.Postgres);

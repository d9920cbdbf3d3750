using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ManageBooking.Models;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>Staff actions go through the same rules, history and notifications as the customer's.</summary>
public sealed partial class AdminBookingActionsTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string AdminEmail = "admin@example.test";

    [Fact]
    public async Task ApproveAndDecline_ChangeTheRequestRecordHistoryAndEmailTheCustomer()
    {
        await BookWithTokenAsync("marketing-call", "2026-03-03T13:00:00-05:00");
        await BookWithTokenAsync("marketing-call", "2026-03-04T13:00:00-05:00");
        using var admin = await SignedInAsync();
        var ids = await App.QueryAsync(db => db.Bookings.OrderBy(b => b.FirstStartUtc).Select(b => b.Id).ToListAsync());

        using (await AdminSession.PostFormAsync(admin, $"/admin/bookings/{ids[0]}", $"/admin/bookings/{ids[0]}/approve"))
        using (await AdminSession.PostFormAsync(admin, $"/admin/bookings/{ids[1]}", $"/admin/bookings/{ids[1]}/decline", ("reason", "Fully booked that week")))
        {
        }

        var bookings = await App.QueryAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Sessions).OrderBy(b => b.FirstStartUtc).ToListAsync());
        Assert.Equal(BookingStatus.Confirmed, bookings[0].Status);
        Assert.Equal((Actor.Staff, AdminEmail), bookings[0].History.Where(h => h.Action == HistoryAction.Approved).Select(h => (h.Actor, h.ActorName)).Single());
        Assert.Equal(BookingStatus.Declined, bookings[1].Status);
        Assert.All(bookings[1].Sessions, s => Assert.Equal(SessionStatus.Cancelled, s.Status));
        Assert.Contains("2026-03-04T13:00:00-05:00", await FreeStartsAsync("marketing-call", "2026-03-04"));
        var summaries = await App.QueryAsync(db => db.OutboxMessages.Select(m => m.Summary).ToListAsync());
        Assert.Contains(summaries, s => s.StartsWith("ada@example.com · Booking request approved", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.StartsWith("ada@example.com · Booking request declined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResendConfirmation_SendsTheCurrentLinkAndTheFirstOneKeepsWorking()
    {
        var (_, oldToken) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await App.DispatchAsync();
        foreach (var file in Directory.GetFiles(App.MailFolder))
        {
            File.Delete(file);
        }

        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();

        using (await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/resend"))
        {
        }

        Assert.Equal(1, await App.DispatchAsync()); // the customer only
        var mail = SmtpSink.DecodeFile(Directory.GetFiles(App.MailFolder, "*.eml").Single());
        Assert.Equal($"/booking/manage/{oldToken}", new Uri(ManageLink().Match(mail.Html()).Value).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(new Uri($"/booking/manage/{oldToken}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(await App.QueryAsync(db => db.BookingHistory.Select(h => h.Action).ToListAsync()), a => a == HistoryAction.LinkRegenerated);
    }

    [Fact]
    public async Task RegenerateLink_KillsTheOldLinkAndTheNextEmailCarriesTheNewOne()
    {
        var (_, oldToken) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();

        using (await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/regenerate-link"))
        using (await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/resend"))
        {
        }

        await App.DispatchAsync();
        var resent = Directory.GetFiles(App.MailFolder, "*.eml").Select(SmtpSink.DecodeFile).Last(m => m.Subject().StartsWith("Booking confirmed", StringComparison.Ordinal));
        var newPath = new Uri(ManageLink().Match(resent.Html()).Value).AbsolutePath;
        Assert.NotEqual($"/booking/manage/{oldToken}", newPath);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(new Uri(newPath, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/booking/manage/{oldToken}", UriKind.Relative))).StatusCode);
        Assert.Contains(await App.QueryAsync(db => db.BookingHistory.Select(h => h.Action).ToListAsync()), a => a == HistoryAction.LinkRegenerated);
    }

    [Fact]
    public async Task TurningTheToggleOff_MakesTheManagePageReadOnlyAtOnceAndDropsLinksFromNewEmails()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await SignedInAsync();
        var pageId = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "30-minute-meeting").Select(p => p.Id).SingleAsync());
        var editor = await HtmlPage.GetAsync(admin, $"/admin/pages/{pageId}");
        var fields = HtmlPage.FormValues(Form(editor)).Where(f => f.Name != "ManageEnabled").ToArray();

        using var saved = await HtmlPage.SubmitAsync(admin, Form(editor), $"/admin/pages/{pageId}", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var manage = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");
        Assert.Empty(manage.QuerySelectorAll(".mb-choices a"));
        using (var refused = await Client.PostAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), JsonBody("{\"reason\":\"x\"}")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        await App.DispatchAsync();
        foreach (var file in Directory.GetFiles(App.MailFolder))
        {
            File.Delete(file);
        }

        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T11:00:00-05:00");
        await App.DispatchAsync();
        var customerMail = Directory.GetFiles(App.MailFolder, "*.eml").Select(SmtpSink.DecodeFile).Single(m => m.GetProperty("to")[0].GetString()!.Contains("ada@", StringComparison.Ordinal));
        Assert.DoesNotContain("/booking/manage/", customerMail.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageEditor_BadInputShowsMessagesBesideFields_AndAConcurrentEditIsToldToReload()
    {
        using var admin = await SignedInAsync();
        var pageId = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "30-minute-meeting").Select(p => p.Id).SingleAsync());
        var first = await HtmlPage.GetAsync(admin, $"/admin/pages/{pageId}");
        var second = await HtmlPage.GetAsync(admin, $"/admin/pages/{pageId}");
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        using var bad = await HtmlPage.SubmitAsync(admin, Form(first), $"/admin/pages/{pageId}",
            HtmlPage.FormValues(Form(first), ("SessionMinutes", "0"), ("OwnerEmail", "not an email"), ("Stakeholders", "ok@example.com, nope")));
        var badPage = await HtmlPage.ParseAsync(bad);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.NotNull(badPage.QuerySelector("#SessionMinutes-error"));
        Assert.NotNull(badPage.QuerySelector("#OwnerEmail-error"));
        Assert.Contains("nope", badPage.QuerySelector("#Stakeholders-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));

        using var saved = await HtmlPage.SubmitAsync(admin, Form(first), $"/admin/pages/{pageId}", HtmlPage.FormValues(Form(first), ("Title", "Intro call")));
        using var stale = await HtmlPage.SubmitAsync(admin, Form(second), $"/admin/pages/{pageId}", HtmlPage.FormValues(Form(second), ("Title", "Something else")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Reload", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Intro call", await App.QueryAsync(db => db.BookingPages.Where(p => p.Id == pageId).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task BookingsList_FiltersSearchesAndPagesWithoutOverlap()
    {
        var references = new List<string>();
        foreach (var day in new[] { "02", "03" })
        {
            for (var hour = 9; hour < 17; hour++)
            {
                foreach (var minute in new[] { "00", "30" })
                {
                    if (day == "02" && hour < 10)
                    {
                        continue; // too close to the clock's 07:00
                    }

                    var (booking, _) = await BookWithTokenAsync("30-minute-meeting", $"2026-03-{day}T{hour:00}:{minute}:00-05:00");
                    references.Add(booking.GetProperty("reference").GetString()!);
                }
            }
        }

        using var admin = await SignedInAsync();
        var first = await HtmlPage.GetAsync(admin, "/admin/bookings?filter=upcoming");
        var firstRefs = first.QuerySelectorAll("td .mb-reference").Select(e => e.TextContent).ToList();
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await HtmlPage.GetAsync(admin, next);
        var secondRefs = second.QuerySelectorAll("td .mb-reference").Select(e => e.TextContent).ToList();

        Assert.Equal(25, firstRefs.Count);
        Assert.Equal(references.Count - 25, secondRefs.Count);
        Assert.Empty(firstRefs.Intersect(secondRefs));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        var found = await HtmlPage.GetAsync(admin, $"/admin/bookings?filter=all&q={references[7].ToLowerInvariant()}");
        Assert.Equal([references[7]], found.QuerySelectorAll("td .mb-reference").Select(e => e.TextContent));
        var pending = await HtmlPage.GetAsync(admin, "/admin/bookings?filter=pending");
        Assert.Empty(pending.QuerySelectorAll("td .mb-reference"));
    }

    private async Task<HttpClient> SignedInAsync()
    {
        await AdminSession.CreateUserAsync(App, AdminEmail, Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, AdminEmail);
    }

    private Task<Guid> BookingIdAsync() => App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static AngleSharp.Html.Dom.IHtmlFormElement Form(AngleSharp.Html.Dom.IHtmlDocument page)
        => (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action^='/admin/pages']")!;


    [GeneratedRegex(@"https://bookings\.example\.test/booking/manage/[A-Za-z0-9_-]{43}(?="")")]
    private static partial Regex ManageLink();
}

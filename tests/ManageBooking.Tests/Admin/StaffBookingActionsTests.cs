using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// Staff reschedule through the customers' picker, cancel chosen sessions after a confirm step, mark attendance and
/// book for a customer; every action lands in the history, bad input changes nothing, and the notice after each says
/// who was emailed from the rules that fired.
/// </summary>
public abstract class StaffBookingActionsTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string AdminEmail = "admin@example.test";

    [Fact]
    public async Task Reschedule_ThroughThePickerPastTheCutoff_MovesTheSessionRecordsTheOverrideAndSaysWhoWasEmailed()
    {
        await BookWithTokenAsync("marketing-call", "2026-03-03T13:00:00-05:00");
        await App.ArrangeAsync(async db => (await db.Bookings.SingleAsync()).Status = BookingStatus.Confirmed);
        Clock.Set(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero)); // inside the page's 24-hour reschedule cutoff
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");

        // The booking's one session is chosen already: Reschedule opens the picker on this week, in the page's zone.
        var picker = await HtmlPage.GetAsync(admin, GetUrl(Form(detail, "#choose-sessions")));
        Assert.Contains("America/New York", picker.QuerySelector(".mb-zone-label")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(picker.QuerySelector(".mb-slot--current input[disabled]"));
        var nextWeek = await HtmlPage.GetAsync(admin, picker.QuerySelectorAll<IHtmlAnchorElement>(".mb-week-nav a").Single(a => a.TextContent == "Next week").GetAttribute("href")!);
        var start = nextWeek.QuerySelectorAll<IHtmlInputElement>("input[name=start]").Select(i => i.Value).First(v => v.StartsWith("2026-03-10T10:00", StringComparison.Ordinal));
        using var chosen = await admin.GetAsync(new Uri(GetUrl(Form(nextWeek, "form.mb-book-form"), ("start", start)), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var review = await HtmlPage.GetAsync(admin, chosen.Headers.Location!.OriginalString);
        Assert.Equal(
            ["The customer, ada@example.com (while “Email the customer” is ticked)", "The owner, alex@example.com", "A stakeholder, assistant@example.com"],
            review.QuerySelectorAll(".mb-recipients__list li").Select(li => Squash(li.TextContent)));
        Assert.Contains("past the page's cutoff", review.QuerySelector(".mb-alert--warning")!.TextContent, StringComparison.Ordinal);

        using var posted = await HtmlPage.SubmitAsync(admin, Form(review, $"form[action='/admin/bookings/{id}/reschedule']"), $"/admin/bookings/{id}/reschedule",
            ("reason", "Host travelling"), ("notifyCustomer", "true"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Sessions).SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc), booking.Sessions.Single(s => s.Status == SessionStatus.Scheduled).StartUtc);
        var entry = booking.History.Single(h => h.Action == HistoryAction.Rescheduled);
        Assert.Equal((Actor.Staff, AdminEmail, "Host travelling", true), (entry.Actor, entry.ActorName, entry.Reason, entry.OverrodePolicy));
        Assert.Equal("Staff override: past the page's cutoff", entry.Detail);
        var after = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Equal("Session moved. Emailed the customer, the owner and 1 stakeholder.", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("past the customer's cutoff", after.QuerySelector(".mb-history")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["ada@example.com", "alex@example.com", "assistant@example.com"], await RecipientsAsync(BookingEvent.Rescheduled));
    }

    [Fact]
    public async Task Reschedule_ChosenSessionsOfAPackage_MovesOnlyThoseInOneChange()
    {
        await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var sessions = await SessionIdsAsync();
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Equal(3, detail.QuerySelectorAll("input[name=session][form=choose-sessions]").Length);

        // First and third ticked: the first gets its new time, then the third, then one review.
        var first = await HtmlPage.GetAsync(admin, GetUrl(Form(detail, "#choose-sessions"), ("session", sessions[0].ToString()), ("session", sessions[2].ToString())));
        Assert.Equal("Session 1 of 2", first.QuerySelector(".mb-step")!.TextContent);
        using var step = await admin.GetAsync(new Uri(GetUrl(Form(first, "form.mb-book-form"), ("start", "2026-03-04T10:00:00-05:00")), UriKind.Relative));
        var second = await HtmlPage.ParseAsync(step);
        Assert.Equal("Session 2 of 2", second.QuerySelector(".mb-step")!.TextContent);
        using var last = await admin.GetAsync(new Uri(GetUrl(Form(second, "form.mb-book-form"), ("start", "2026-03-06T10:00:00-05:00")), UriKind.Relative));
        var review = await HtmlPage.GetAsync(admin, last.Headers.Location!.OriginalString);
        Assert.Equal(2, review.QuerySelectorAll(".mb-change").Length);

        using var posted = await HtmlPage.SubmitAsync(admin, Form(review, $"form[action='/admin/bookings/{id}/reschedule']"), $"/admin/bookings/{id}/reschedule");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Sessions).SingleAsync());
        Assert.Equal(
            [new DateTime(2026, 3, 4, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 5, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 6, 15, 0, 0, DateTimeKind.Utc)],
            booking.Sessions.Where(s => s.Status == SessionStatus.Scheduled).Select(s => s.StartUtc).Order());
        Assert.Equal(2, booking.History.Single(h => h.Action == HistoryAction.Rescheduled).Moves.Count);
        Assert.Equal(1, booking.RescheduleCount);
    }

    [Fact]
    public async Task StaffPicker_OffersTimesInsideThePagesNotice_ThatCustomersAreNotOffered()
    {
        await BookWithTokenAsync("marketing-call", "2026-03-03T13:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var session = (await SessionIdsAsync())[0];

        // 07:00 in New York; the page asks for 4 hours' notice, so customers see 11:00 first.
        var picker = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}/reschedule?session={session}");
        var staffStarts = picker.QuerySelectorAll<IHtmlInputElement>("input[name=start]").Select(i => i.Value).ToList();

        Assert.Contains("2026-03-02T09:00:00-05:00", staffStarts);
        Assert.DoesNotContain("2026-03-02T09:00:00-05:00", await FreeStartsAsync("marketing-call", "2026-03-02"));
        Assert.DoesNotContain("2026-03-03T13:00:00-05:00", staffStarts.Where(s => picker.QuerySelector($"input[value='{s}']:not([disabled])") is not null)); // its own time is not offered
    }

    [Fact]
    public async Task Reschedule_OntoATakenTimeOrWithATooLongReason_IsRefusedBesideItsFieldAndChangesNothing()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T11:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await App.QueryAsync(db => db.Bookings.OrderBy(b => b.FirstStartUtc).Select(b => b.Id).FirstAsync());
        var session = await App.QueryAsync(db => db.BookingSessions.Where(s => s.BookingId == id).Select(s => s.Id).SingleAsync());
        var review = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}/reschedule/review?session={session}&start={Uri.EscapeDataString("2026-03-04T10:00:00-05:00")}");
        // Taken since the picker showed it: the other booking's time.
        var takenReview = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}/reschedule/review?session={session}&start={Uri.EscapeDataString("2026-03-03T11:00:00-05:00")}");
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        using var tooLong = await HtmlPage.SubmitAsync(admin, Form(review, $"form[action='/admin/bookings/{id}/reschedule']"), $"/admin/bookings/{id}/reschedule",
            ("reason", new string('x', Booking.ReasonMaxLength + 1)));
        var tooLongPage = await HtmlPage.ParseAsync(tooLong);
        using var taken = await HtmlPage.SubmitAsync(admin, Form(takenReview, $"form[action='/admin/bookings/{id}/reschedule']"), $"/admin/bookings/{id}/reschedule");
        var takenPage = await HtmlPage.ParseAsync(taken);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 1000 characters", tooLongPage.QuerySelector("#reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.NotNull(takenPage.QuerySelector(".mb-alert--error a[href*='/reschedule?']")); // a way to choose another time
        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));
    }

    [Fact]
    public async Task PartialCancel_OfAPackage_ConfirmsFirst_ThenCancelsOnlyTheChosenSession()
    {
        await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var sessions = await SessionIdsAsync();
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        var confirm = await HtmlPage.GetAsync(admin, GetUrl(Form(detail, "#choose-sessions"), ("session", sessions[1].ToString())).Replace("/reschedule?", "/cancel?", StringComparison.Ordinal));

        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync)); // the confirm step changes nothing
        Assert.Equal("Cancel this session?", confirm.QuerySelector("h1")!.TextContent);
        Assert.Single(confirm.QuerySelectorAll(".mb-cancel-list__session"));
        Assert.Contains("Thursday, March 5, 2026", confirm.QuerySelector(".mb-cancel-list__session")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(confirm.QuerySelector(".mb-recipients__customer"));

        using var posted = await HtmlPage.SubmitAsync(admin, Form(confirm, $"form[action='/admin/bookings/{id}/cancel']"), $"/admin/bookings/{id}/cancel",
            ("reason", "Coach away that day"), ("notifyCustomer", "true"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Sessions).SingleAsync());
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal([sessions[1]], booking.Sessions.Where(s => s.Status == SessionStatus.Cancelled).Select(s => s.Id));
        Assert.Equal((Actor.Staff, AdminEmail, "Coach away that day", sessions[1]), booking.History.Where(h => h.Action == HistoryAction.Cancelled).Select(h => (h.Actor, h.ActorName, h.Reason, h.SessionId!.Value)).Single());
        var after = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Equal("Session cancelled. Emailed the customer, the owner and 1 stakeholder.", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(["Scheduled", "Cancelled", "Scheduled"], after.QuerySelectorAll(".mb-session__state").Select(e => e.TextContent));
    }

    [Fact]
    public async Task CancelEverySession_PastTheCutoff_RecordsTheOverrideOnlyWhereACustomerWouldBeRefused()
    {
        await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        Clock.Set(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero)); // two hours before the first session
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var sessions = await SessionIdsAsync();

        var confirm = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}/cancel?{string.Join('&', sessions.Select(s => "session=" + s))}");
        Assert.Equal("Cancel this booking?", confirm.QuerySelector("h1")!.TextContent);
        Assert.Contains("past the page's cutoff", confirm.QuerySelector(".mb-alert--warning")!.TextContent, StringComparison.Ordinal);
        using var posted = await HtmlPage.SubmitAsync(admin, Form(confirm, $"form[action='/admin/bookings/{id}/cancel']"), $"/admin/bookings/{id}/cancel",
            ("reason", "Coach is ill"), ("notifyCustomer", "true"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).SingleAsync());
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        var cancellations = booking.History.Where(h => h.Action == HistoryAction.Cancelled).ToList();
        Assert.Equal(3, cancellations.Count);
        Assert.All(cancellations, h => Assert.Equal((Actor.Staff, AdminEmail, "Coach is ill"), (h.Actor, h.ActorName, h.Reason)));
        var first = cancellations.Single(h => h.FromStartUtc == new DateTime(2026, 3, 4, 14, 0, 0, DateTimeKind.Utc));
        Assert.Equal((true, "Staff override: past the page's cutoff"), (first.OverrodePolicy, first.Detail));
        Assert.False(cancellations.Single(h => h.FromStartUtc == new DateTime(2026, 3, 6, 14, 0, 0, DateTimeKind.Utc)).OverrodePolicy);
        Assert.Equal(["ada@example.com", "alex@example.com", "assistant@example.com"], await RecipientsAsync(BookingEvent.Cancelled));
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Contains("past the customer's cutoff", detail.QuerySelector(".mb-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_WithNoSessionChosenOrATooLongReason_IsRefusedBesideItsFieldAndChangesNothing()
    {
        await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var sessions = await SessionIdsAsync();
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        using var none = await admin.GetAsync(new Uri($"/admin/bookings/{id}/cancel?choose=true", UriKind.Relative));
        var nonePage = await HtmlPage.ParseAsync(none);
        var confirm = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}/cancel?session={sessions[0]}");
        var form = Form(confirm, $"form[action='/admin/bookings/{id}/cancel']");
        using var tooLong = await HtmlPage.SubmitAsync(admin, form, $"/admin/bookings/{id}/cancel", ("reason", new string('x', Booking.ReasonMaxLength + 1)));
        var tooLongPage = await HtmlPage.ParseAsync(tooLong);
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var nothingPosted = await admin.PostAsync(new Uri($"/admin/bookings/{id}/cancel", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("reason", "x")]));
        var nothingPage = await HtmlPage.ParseAsync(nothingPosted);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal("Tick at least one session to cancel.", nonePage.QuerySelector("#session-error")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 1000 characters", tooLongPage.QuerySelector("#reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nothingPosted.StatusCode);
        Assert.Equal("Choose at least one session to cancel.", nothingPage.QuerySelector("#session-error")!.TextContent);
        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));
    }

    [Fact]
    public async Task Cancel_OfASingleSessionWithoutEmailingTheCustomer_HasTheSameConfirmStep_AndTellsOnlyTheTeam()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Empty(detail.QuerySelectorAll("input[type=checkbox][form=choose-sessions]")); // one session: nothing to tick

        var confirm = await HtmlPage.GetAsync(admin, GetUrl(Form(detail, "#choose-sessions")).Replace("/reschedule?", "/cancel?", StringComparison.Ordinal));
        Assert.Equal("Cancel this booking?", confirm.QuerySelector("h1")!.TextContent);
        using var posted = await HtmlPage.SubmitAsync(admin, Form(confirm, $"form[action='/admin/bookings/{id}/cancel']"), $"/admin/bookings/{id}/cancel", ("reason", "Duplicate booking"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await App.QueryAsync(db => db.Bookings.Select(b => b.Status).SingleAsync()));
        Assert.Equal(["alex@example.com", "assistant@example.com"], await RecipientsAsync(BookingEvent.Cancelled));
        var after = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Equal("Booking cancelled. Emailed the owner and 1 stakeholder.", after.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Notice_WhenNoRuleIsEnabledForTheEvent_SaysNoOneWasEmailedAndWhy()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await App.ArrangeAsync(async db =>
        {
            foreach (var rule in await db.NotificationRules.Where(r => r.Event == BookingEvent.Cancelled).ToListAsync())
            {
                rule.Enabled = false;
            }
        });
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var session = (await SessionIdsAsync())[0];

        var confirm = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}/cancel?session={session}");
        Assert.Equal("No one: no rule is enabled for this event.", confirm.QuerySelector(".mb-recipients__none")!.TextContent);
        using (await HtmlPage.SubmitAsync(admin, Form(confirm, $"form[action='/admin/bookings/{id}/cancel']"), $"/admin/bookings/{id}/cancel", ("reason", "Closed")))
        {
        }

        var after = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Equal("Booking cancelled. No one was emailed: no rule is enabled for this event.", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Empty(await RecipientsAsync(BookingEvent.Cancelled));
    }

    [Fact]
    public async Task Attendance_OfAStartedSession_IsMarkedShownInTheListAndHistory_AndCanBeUndone()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await SignedInAsync();
        var id = await BookingIdAsync();
        var session = (await SessionIdsAsync())[0];
        var early = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Null(early.QuerySelector($"form[action='/admin/bookings/{id}/attendance']")); // not yet started
        var before = await App.QueryAsync(Snapshot.TakeAsync);
        var token = early.QuerySelector<IHtmlInputElement>("form[action='/admin/logout'] input[name=__RequestVerificationToken]")!.Value;
        using (var tooSoon = await admin.PostAsync(new Uri($"/admin/bookings/{id}/attendance", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("sessionId", session.ToString()), new("attendance", "NoShow")])))
        {
            Assert.Equal(HttpStatusCode.Redirect, tooSoon.StatusCode);
        }

        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));
        Assert.Equal("That session has not started yet. Mark attendance once it has begun.", (await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}")).QuerySelector("[role=status]")!.TextContent);
        Clock.Set(new DateTimeOffset(2026, 3, 3, 15, 20, 0, TimeSpan.Zero)); // twenty minutes in

        using (await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/attendance", ("attendance", "NoShow")))
        {
        }

        Assert.Equal(Attendance.NoShow, await App.QueryAsync(db => db.BookingSessions.Select(s => s.Attendance).SingleAsync()));
        var marked = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Equal("Marked as a no-show. The history records it. No one is emailed about this.", marked.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("No-show", marked.QuerySelector(".mb-attendance")!.TextContent);
        Assert.Contains("Marked no-show", marked.QuerySelector(".mb-history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("no-show", (await HtmlPage.GetAsync(admin, "/admin/bookings?filter=all")).QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);

        using (await AdminSession.PostFormAsync(admin, $"/admin/bookings/{id}", $"/admin/bookings/{id}/attendance", ("attendance", "")))
        {
        }

        Assert.Null(await App.QueryAsync(db => db.BookingSessions.Select(s => s.Attendance).SingleAsync()));
        Assert.Equal(
            [HistoryAction.MarkedNoShow, HistoryAction.AttendanceCleared],
            await App.QueryAsync(db => db.BookingHistory.Where(h => h.Action == HistoryAction.MarkedNoShow || h.Action == HistoryAction.AttendanceCleared).OrderBy(h => h.AtUtc).Select(h => h.Action).ToListAsync()));
        Assert.DoesNotContain("no-show", (await HtmlPage.GetAsync(admin, "/admin/bookings?filter=all")).QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBooking_InsideTheNoticeWithoutEmailingTheCustomer_IsConfirmedAsStaffsAndTellsOnlyTheTeam()
    {
        using var admin = await SignedInAsync();
        var pageId = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "marketing-call").Select(p => p.Id).SingleAsync());
        var pages = await HtmlPage.GetAsync(admin, "/admin/bookings/new");
        Assert.NotNull(pages.QuerySelector($"a[href='/admin/bookings/new/{pageId}']"));
        var form = await HtmlPage.GetAsync(admin, $"/admin/bookings/new/{pageId}");
        // 07:00 in New York: 09:00 is inside the page's 4-hour notice, offered to staff only.
        Assert.NotNull(form.QuerySelector("input[name=Starts][value='2026-03-02T09:00:00-05:00']"));

        using var posted = await HtmlPage.SubmitAsync(admin, Form(form, $"form[action='/admin/bookings/new/{pageId}']"), $"/admin/bookings/new/{pageId}",
            ("Starts", "2026-03-02T09:00:00-05:00"), ("Name", "Grace Hopper"), ("Email", "grace@example.com"), ("TimeZone", "Paris"), ("Culture", "fr"),
            ("answers.plans", "Launch a navy recruiting campaign."));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Sessions).SingleAsync());
        Assert.Equal((BookingStatus.Confirmed, "Grace Hopper", "Europe/Paris", "fr"), (booking.Status, booking.CustomerName, booking.CustomerTimeZoneId, booking.Culture));
        Assert.Equal(new DateTime(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc), booking.Sessions.Single().StartUtc);
        Assert.Equal("Launch a navy recruiting campaign.", booking.Answers.Single().Value);
        var entry = booking.History.Single();
        Assert.Equal((HistoryAction.Confirmed, Actor.Staff, AdminEmail, true), (entry.Action, entry.Actor, entry.ActorName, entry.OverrodePolicy));
        Assert.Contains("inside the page's minimum notice", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(["alex@example.com", "assistant@example.com"], await RecipientsAsync(BookingEvent.Confirmed));
        var after = await HtmlPage.GetAsync(admin, posted.Headers.Location!.OriginalString);
        Assert.Equal($"Booked {booking.Reference} for Grace Hopper. Emailed the owner and 1 stakeholder.", after.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task AddBooking_OfAPackage_KeepsItsPicksAcrossWeeksAndRemovals_ThenBooksThemAll()
    {
        using var admin = await SignedInAsync();
        var pageId = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "15-minute-package").Select(p => p.Id).SingleAsync());
        var action = $"/admin/bookings/new/{pageId}";
        var form = Form(await HtmlPage.GetAsync(admin, action), $"form[action='{action}']");
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        // Two times this week, then the next week: the two travel along as hidden fields and are listed as chosen.
        using var nextWeek = await HtmlPage.SubmitAsync(admin, form, action,
            ("Starts", "2026-03-03T09:00:00-05:00"), ("Starts", "2026-03-04T09:00:00-05:00"), ("Name", "Grace Hopper"), ("ShowWeek", "2026-03-09"));
        var week = await HtmlPage.ParseAsync(nextWeek);
        Assert.Equal(HttpStatusCode.OK, nextWeek.StatusCode);
        Assert.Equal(["2026-03-03T09:00:00-05:00", "2026-03-04T09:00:00-05:00"], week.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name=Starts]").Select(i => i.Value));
        Assert.Equal("2 of 3 chosen", week.QuerySelector("[data-mb-pick-count]")!.TextContent);
        Assert.Equal("Grace Hopper", week.QuerySelector<IHtmlInputElement>("#mb-name")!.Value);
        using var removed = await HtmlPage.SubmitAsync(admin, Form(week, $"form[action='{action}']"), action, ("Remove", "2026-03-03T09:00:00-05:00"));
        Assert.Equal(["2026-03-04T09:00:00-05:00"], (await HtmlPage.ParseAsync(removed)).QuerySelectorAll(".mb-pick").Select(p => p.GetAttribute("data-mb-pick")));
        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync)); // showing weeks and removing picks books nothing

        using var booked = await HtmlPage.SubmitAsync(admin, Form(week, $"form[action='{action}']"), action,
            ("Starts", "2026-03-10T09:00:00-04:00"), ("Name", "Grace Hopper"), ("Email", "grace@example.com"), ("TimeZone", "America/New_York"), ("NotifyCustomer", "true"));

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(
            [new DateTime(2026, 3, 3, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 4, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 13, 0, 0, DateTimeKind.Utc)],
            await App.QueryAsync(db => db.BookingSessions.OrderBy(s => s.StartUtc).Select(s => s.StartUtc).ToListAsync()));
        Assert.Contains("grace@example.com", await RecipientsAsync(BookingEvent.Confirmed));
    }

    [Fact]
    public async Task AddBooking_OnATakenTimeOrWithoutName_IsRefusedBesideItsFieldAndChangesNothing()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00"); // the same calendar as the marketing call
        using var admin = await SignedInAsync();
        var pageId = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "marketing-call").Select(p => p.Id).SingleAsync());
        var form = Form(await HtmlPage.GetAsync(admin, $"/admin/bookings/new/{pageId}?date=2026-03-03"), $"form[action='/admin/bookings/new/{pageId}']");
        var before = await App.QueryAsync(Snapshot.TakeAsync);

        using var taken = await HtmlPage.SubmitAsync(admin, form, $"/admin/bookings/new/{pageId}",
            ("Starts", "2026-03-03T10:00:00-05:00"), ("Name", "Grace Hopper"), ("Email", "grace@example.com"), ("TimeZone", "America/New_York"), ("answers.plans", "x"), ("NotifyCustomer", "true"));
        var takenPage = await HtmlPage.ParseAsync(taken);
        using var incomplete = await HtmlPage.SubmitAsync(admin, form, $"/admin/bookings/new/{pageId}",
            ("Starts", "2026-03-03T15:00:00-05:00"), ("Name", " "), ("Email", "not an email"), ("TimeZone", "Atlantis"));
        var incompletePage = await HtmlPage.ParseAsync(incomplete);

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.NotNull(takenPage.QuerySelector(".mb-alert--error"));
        Assert.Equal("Grace Hopper", takenPage.QuerySelector<IHtmlInputElement>("#mb-name")!.Value); // nothing typed is lost
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.NotNull(incompletePage.QuerySelector("#Name-error"));
        Assert.NotNull(incompletePage.QuerySelector("#Email-error"));
        Assert.NotNull(incompletePage.QuerySelector("#TimeZone-error"));
        Assert.NotNull(incompletePage.QuerySelector("#answers\\.plans-error"));
        Assert.Equal(before, await App.QueryAsync(Snapshot.TakeAsync));
    }

    private async Task<HttpClient> SignedInAsync()
    {
        await AdminSession.CreateUserAsync(App, AdminEmail, Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, AdminEmail);
    }

    private Task<Guid> BookingIdAsync() => App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

    private Task<List<Guid>> SessionIdsAsync() => App.QueryAsync(db => db.BookingSessions.OrderBy(s => s.StartUtc).Select(s => s.Id).ToListAsync());

    private Task<List<string>> RecipientsAsync(BookingEvent bookingEvent)
        => App.QueryAsync(db => db.OutboxMessages.Where(m => m.Kind == OutboxKind.Email && m.Event == bookingEvent).Select(m => m.Recipient!).OrderBy(r => r).ToListAsync());

    private static IHtmlFormElement Form(IHtmlDocument page, string selector) => page.QuerySelector<IHtmlFormElement>(selector)!;

    /// <summary>The address a GET form goes to with its hidden fields and the given values, as a browser would build it.</summary>
    private static string GetUrl(IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => (Name: i.Name!, i.Value)).Concat(values);
        return form.GetAttribute("action") + "?" + string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SqliteStaffBookingActionsTests() : StaffBookingActionsTests(DatabaseProvider.Sqlite);

public sealed class PostgresStaffBookingActionsTests() : StaffBookingActionsTests(DatabaseProvider.Postgres);

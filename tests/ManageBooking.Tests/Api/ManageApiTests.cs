using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Api;

/// <summary>The manage link as an API: every rule of self-service, on SQLite and on PostgreSQL.</summary>
public abstract class ManageApiTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Meeting = "30-minute-meeting";      // no cutoffs, reason required to cancel
    private const string Package = "15-minute-package";      // 3 sessions, cancel 24 h and reschedule 12 h before
    private const string Marketing = "marketing-call";       // manual approval, 24 h cutoffs, reasons required, 2 reschedules
    private const string Legacy = "consultation";            // Reschedule & Cancel off

    [Fact]
    public async Task Get_ShowsTheBookingInTheCustomersZoneWithItsAllowedActions()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");

        var booking = await GetJsonAsync($"/api/manage/{token}");

        Assert.Equal("Confirmed", booking.GetProperty("status").GetString());
        Assert.Equal("30-minute meeting", booking.GetProperty("page").GetProperty("title").GetString());
        Assert.Equal("2026-03-03T15:00:00+00:00", booking.GetProperty("sessions")[0].GetProperty("start").GetString());
        Assert.Equal(["cancel", "reschedule"], booking.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.False(booking.TryGetProperty("manageUrl", out _));
    }

    [Fact]
    public async Task UnknownAndMalformedTokens_GetTheSame404()
    {
        await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");
        var unknown = TestLinkKeys.UnknownToken();

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var token in new[] { unknown, "not-a-token", unknown[..42] + "=", unknown[..42] + "!" })
        {
            using var response = await Client.GetAsync(new Uri($"/api/manage/{token}", UriKind.Relative));
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            answers.Add((response.StatusCode, problem.GetProperty("title").GetString() + "|" + problem.GetProperty("detail").GetString()));
            Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Item1));
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Responses_CarryThePrivateLinkHeaders_EvenErrors()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");

        foreach (var (method, url) in new[] { (HttpMethod.Get, $"/api/manage/{token}"), (HttpMethod.Get, "/api/manage/nope"), (HttpMethod.Post, $"/api/manage/{token}/cancel"), (HttpMethod.Get, $"/booking/manage/{token}"), (HttpMethod.Get, "/booking/manage/nope") })
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            if (method == HttpMethod.Post)
            {
                request.Content = JsonContent.Create(new { });
            }

            using var response = await Client.SendAsync(request);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.StartsWith("noindex", response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reschedule_ToAFreeSlot_MovesTheSessionFreesTheOldTimeAndRecordsHistory()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");

        using var response = await PostAsync(token, "reschedule", new { start = "2026-03-04T14:00:00-05:00", reason = "Clash with a dentist appointment" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("Rescheduled", booking.GetProperty("status").GetString());
        Assert.Equal(1, booking.GetProperty("rescheduleCount").GetInt32());
        var session = Assert.Single(booking.GetProperty("sessions").EnumerateArray());
        Assert.Equal("2026-03-04T19:00:00+00:00", session.GetProperty("start").GetString());
        Assert.Contains("2026-03-03T10:00:00-05:00", await FreeStartsAsync(Meeting, "2026-03-03"));
        Assert.DoesNotContain("2026-03-04T14:00:00-05:00", await FreeStartsAsync(Meeting, "2026-03-04"));
        var entry = await App.QueryAsync(db => db.BookingHistory.SingleAsync(h => h.Action == HistoryAction.Rescheduled));
        Assert.Equal((Actor.Customer, "Ada Lovelace"), (entry.Actor, entry.ActorName));
        Assert.Equal(new DateTime(2026, 3, 3, 15, 0, 0, DateTimeKind.Utc), entry.FromStartUtc);
        Assert.Equal(new DateTime(2026, 3, 4, 19, 0, 0, DateTimeKind.Utc), entry.ToStartUtc);
        Assert.Equal("Clash with a dentist appointment", entry.Reason);
        Assert.Equal(new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc), entry.AtUtc);
    }

    [Fact]
    public async Task ManageSlots_CountTheBookingsOwnTimeAsFree()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");

        var slots = await GetJsonAsync($"/api/manage/{token}/slots?from=2026-03-03&to=2026-03-03&timeZone=America/New_York");

        Assert.Contains(slots.GetProperty("slots").EnumerateArray(), s => s.GetProperty("start").GetString() == "2026-03-03T10:00:00-05:00");
    }

    [Fact]
    public async Task Reschedule_IntoATakenSlot_Is409AndChangesNothing()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");
        await BookWithTokenAsync(Meeting, "2026-03-03T11:00:00-05:00");

        using var response = await PostAsync(token, "reschedule", new { start = "2026-03-03T11:00:00-05:00" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await AssertUnchangedAsync(token, "Confirmed", 0);
    }

    [Theory]
    [InlineData("2026-03-03T10:10:00-05:00", HttpStatusCode.UnprocessableEntity)] // off the grid
    [InlineData("2026-03-07T10:00:00-05:00", HttpStatusCode.UnprocessableEntity)] // a Saturday
    [InlineData("2026-03-03T10:00:00-05:00", HttpStatusCode.UnprocessableEntity)] // its own time
    [InlineData("tomorrow at ten", HttpStatusCode.BadRequest)]
    [InlineData("2026-03-04T10:00:00", HttpStatusCode.BadRequest)] // no offset
    public async Task Reschedule_ToSomethingThatIsNotAFreeSlot_IsRefused(string start, HttpStatusCode expected)
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");

        using var response = await PostAsync(token, "reschedule", new { start });

        Assert.Equal(expected, response.StatusCode);
        await AssertUnchangedAsync(token, "Confirmed", 0);
    }

    [Fact]
    public async Task Cancel_WithoutARequiredReason_Is422_AndWithOneCancels()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");

        using (var missing = await PostAsync(token, "cancel", new { reason = "   " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        }

        await AssertUnchangedAsync(token, "Confirmed", 0);
        using var response = await PostAsync(token, "cancel", new { reason = "Project postponed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("Cancelled", booking.GetProperty("status").GetString());
        Assert.Equal("Cancelled", booking.GetProperty("sessions")[0].GetProperty("status").GetString());
        Assert.Empty(booking.GetProperty("allowedActions").EnumerateArray());
        Assert.Contains("2026-03-03T10:00:00-05:00", await FreeStartsAsync(Meeting, "2026-03-03"));
        var entry = await App.QueryAsync(db => db.BookingHistory.SingleAsync(h => h.Action == HistoryAction.Cancelled));
        Assert.Equal("Project postponed", entry.Reason);
    }

    [Fact]
    public async Task CancelTwice_TheSecondIs422AndChangesNothing()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");
        using (var first = await PostAsync(token, "cancel", new { reason = "No longer needed" }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var before = await SnapshotAsync();
        using var second = await PostAsync(token, "cancel", new { reason = "Again" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Cancel_AfterTheCutoff_Is422_TestedByMovingTheClock()
    {
        var (_, token) = await BookWithTokenAsync(Package, "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        Clock.Set(new DateTimeOffset(2026, 3, 3, 14, 30, 0, TimeSpan.Zero)); // 23.5 hours before the first session

        var booking = await GetJsonAsync($"/api/manage/{token}");
        var first = booking.GetProperty("sessions")[0].GetProperty("id").GetGuid();
        var second = booking.GetProperty("sessions")[1].GetProperty("id").GetGuid();
        using var late = await PostAsync(token, "cancel", new { sessionIds = new[] { first } });
        using var inTime = await PostAsync(token, "cancel", new { sessionIds = new[] { second } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("too late", await late.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
    }

    [Fact]
    public async Task Package_PartialCancelAndRescheduleOneByOne_KeepTheOtherSessions()
    {
        var (_, token) = await BookWithTokenAsync(Package, "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        var sessions = (await GetJsonAsync($"/api/manage/{token}")).GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();

        using var cancelled = await PostAsync(token, "cancel", new { sessionIds = new[] { sessions[1] } });
        var afterCancel = await cancelled.Content.ReadFromJsonAsync<JsonElement>(Json);
        using var withoutId = await PostAsync(token, "reschedule", new { start = "2026-03-09T09:00:00-04:00" });
        using var moved = await PostAsync(token, "reschedule", new { sessionId = sessions[2], start = "2026-03-09T09:00:00-04:00" });
        var afterMove = await moved.Content.ReadFromJsonAsync<JsonElement>(Json);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Confirmed", afterCancel.GetProperty("status").GetString());
        Assert.Equal(["Scheduled", "Cancelled", "Scheduled"], afterCancel.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, withoutId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Rescheduled", afterMove.GetProperty("status").GetString());
        var starts = afterMove.GetProperty("sessions").EnumerateArray().Select(s => (s.GetProperty("start").GetString(), s.GetProperty("status").GetString())).ToList();
        Assert.Equal([("2026-03-04T14:00:00+00:00", "Scheduled"), ("2026-03-05T14:00:00+00:00", "Cancelled"), ("2026-03-09T13:00:00+00:00", "Scheduled")], starts);

        // Cancelling what is left cancels the booking.
        using var rest = await PostAsync(token, "cancel", new { });
        Assert.Equal("Cancelled", (await rest.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SelfServiceOff_RefusesEveryActionWith422()
    {
        var (booking, token) = await BookWithTokenAsync(Legacy, "2026-03-03T10:00:00+01:00");
        Assert.Empty(booking.GetProperty("allowedActions").EnumerateArray());

        using var cancel = await PostAsync(token, "cancel", new { reason = "x" });
        using var reschedule = await PostAsync(token, "reschedule", new { start = "2026-03-03T11:00:00+01:00" });
        using var slots = await Client.GetAsync(new Uri($"/api/manage/{token}/slots", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reschedule.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, slots.StatusCode);
        await AssertUnchangedAsync(token, "Confirmed", 0);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(new Uri($"/api/manage/{token}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task MaxReschedules_OnceReached_RefusesAnotherReschedule()
    {
        await App.ArrangeAsync(async db => (await db.BookingPages.SingleAsync(p => p.Slug == Meeting)).Manage.MaxReschedules = 1);
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");

        using var first = await PostAsync(token, "reschedule", new { start = "2026-03-03T11:00:00-05:00" });
        using var second = await PostAsync(token, "reschedule", new { start = "2026-03-03T12:00:00-05:00" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(["cancel"], (await GetJsonAsync($"/api/manage/{token}")).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task PendingRequest_CanBeChangedPastTheCutoffs_AndStaysPending()
    {
        var (booking, token) = await BookWithTokenAsync(Marketing, "2026-03-03T13:00:00-05:00");
        Assert.Equal("Pending", booking.GetProperty("status").GetString());
        Clock.Set(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero)); // inside the 24-hour cutoffs

        using var moved = await PostAsync(token, "reschedule", new { start = "2026-03-03T15:00:00-05:00", reason = "Later suits me" });
        var afterMove = await moved.Content.ReadFromJsonAsync<JsonElement>(Json);
        using var cancelled = await PostAsync(token, "cancel", new { reason = "Found another agency" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Pending", afterMove.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Fact]
    public async Task ApprovedBookingOnAManualPage_GoesBackToPendingWhenTheCustomerReschedules()
    {
        var (_, token) = await BookWithTokenAsync(Marketing, "2026-03-04T13:00:00-05:00");
        await App.ArrangeAsync(async db => (await db.Bookings.SingleAsync()).Status = BookingStatus.Confirmed);

        using var moved = await PostAsync(token, "reschedule", new { start = "2026-03-05T13:00:00-05:00", reason = "Travel" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("Pending", (await moved.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StartedSession_CannotBeChangedFromTheCustomerSide()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-02T10:00:00-05:00");
        Clock.Set(new DateTimeOffset(2026, 3, 2, 15, 5, 0, TimeSpan.Zero)); // five minutes in

        using var cancel = await PostAsync(token, "cancel", new { reason = "Running late" });
        using var reschedule = await PostAsync(token, "reschedule", new { start = "2026-03-03T10:00:00-05:00" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reschedule.StatusCode);
        Assert.Empty((await GetJsonAsync($"/api/manage/{token}")).GetProperty("allowedActions").EnumerateArray());
    }

    [Fact]
    public async Task RacingCancelAndReschedule_LeaveOneConsistentResult()
    {
        for (var round = 0; round < 4; round++)
        {
            var (_, token) = await BookWithTokenAsync(Meeting, $"2026-03-0{3 + round}T10:00:00-05:00");
            var results = await Task.WhenAll(
                PostStatusAsync(token, "cancel", new { reason = "Race" }),
                PostStatusAsync(token, "reschedule", new { start = $"2026-03-0{3 + round}T15:00:00-05:00" }),
                PostStatusAsync(token, "reschedule", new { start = $"2026-03-0{3 + round}T16:00:00-05:00" }));

            var booking = await GetJsonAsync($"/api/manage/{token}");
            var sessions = booking.GetProperty("sessions").EnumerateArray().ToList();
            var moves = results.Skip(1).Count(r => r == HttpStatusCode.OK);
            Assert.Single(sessions);
            Assert.Equal(moves, booking.GetProperty("rescheduleCount").GetInt32());
            if (results[0] == HttpStatusCode.OK)
            {
                Assert.Equal("Cancelled", booking.GetProperty("status").GetString());
                Assert.Equal("Cancelled", sessions[0].GetProperty("status").GetString());
            }
            else
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, results[0]);
            }

            Assert.True(ManageBooking.Tokens.ManageToken.TryReadBookingId(token, out var bookingId));
            var scheduledRows = await App.QueryAsync(db => db.BookingSessions.CountAsync(s => s.Status == SessionStatus.Scheduled && s.BookingId == bookingId));
            Assert.Equal(results[0] == HttpStatusCode.OK ? 0 : 1, scheduledRows);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string token, string action, object body)
        => Client.PostAsJsonAsync(new Uri($"/api/manage/{token}/{action}", UriKind.Relative), body, Json);

    private async Task<HttpStatusCode> PostStatusAsync(string token, string action, object body)
    {
        using var response = await PostAsync(token, action, body);
        return response.StatusCode;
    }

    private async Task AssertUnchangedAsync(string token, string status, int reschedules)
    {
        var booking = await GetJsonAsync($"/api/manage/{token}");
        Assert.Equal(status, booking.GetProperty("status").GetString());
        Assert.Equal(reschedules, booking.GetProperty("rescheduleCount").GetInt32());
        Assert.True(ManageBooking.Tokens.ManageToken.TryReadBookingId(token, out var bookingId));
        Assert.Equal(1, await App.QueryAsync(db => db.BookingHistory.CountAsync(h => h.BookingId == bookingId)));
        Assert.Equal(0, await App.QueryAsync(db => db.BookingSessions.CountAsync(s => s.IsReplaced)));
    }

    private Task<string> SnapshotAsync() => App.QueryAsync(Snapshot.TakeAsync);
}

public sealed class SqliteManageApiTests() : ManageApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresManageApiTests() : ManageApiTests(DatabaseProvider.Postgres);

using System.Net;
using ManageBooking.Data.Migrations;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Bookings;

/// <summary>
/// The overlap search reads sessions from the calendar's longest block before a window, not from its first session: a
/// session longer than any before it must raise that bound, or a later start inside it would be booked twice.
/// </summary>
public abstract class LongestBlockTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Meeting = "30-minute-meeting";
    private const string Package = "15-minute-package";

    [Fact]
    public async Task ASessionLongerThanAnyBefore_StillBlocksAStartNearItsEnd_OnEveryPageOfItsCalendar()
    {
        await SetMeetingLengthAsync(TimeSpan.FromHours(6));
        using (var booked = await BookAsync(Meeting, "2026-03-03T09:00:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        await SetMeetingLengthAsync(TimeSpan.FromMinutes(30));

        // 09:00-15:00 is held: 14:30 on this page and 14:45 on the package (same calendar) are taken, 15:00 is free.
        using (var late = await BookAsync(Meeting, "2026-03-03T14:30:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        using (var package = await BookAsync(Package, "2026-03-03T14:45:00-05:00", "2026-03-04T10:00:00-05:00", "2026-03-05T10:00:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Conflict, package.StatusCode);
        }

        Assert.DoesNotContain("2026-03-03T14:30:00-05:00", await FreeStartsAsync(Meeting, "2026-03-03"));
        using (var after = await BookAsync(Meeting, "2026-03-03T15:00:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        }

        Assert.Equal(6 * 3600, await App.QueryAsync(db => db.Calendars.Where(c => c.Name == "Alex Rivera").Select(c => c.LongestBlockSeconds).SingleAsync()));
    }

    [Fact]
    public async Task ASessionMovedOntoALongerBlock_RaisesTheBoundToo()
    {
        var (_, token) = await BookWithTokenAsync(Meeting, "2026-03-03T09:00:00-05:00");
        await SetMeetingLengthAsync(TimeSpan.FromHours(5));

        // The move adds a session to the loaded booking's collection: the save must see it before it writes.
        using (var moved = await Client.PostAsync(
            new Uri($"/api/manage/{token}/reschedule", UriKind.Relative),
            new StringContent("""{"start":"2026-03-04T09:00:00-05:00"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await SetMeetingLengthAsync(TimeSpan.FromMinutes(30));
        using var late = await BookAsync(Meeting, "2026-03-04T13:30:00-05:00");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task TheMigration_WorksTheBoundOutFromTheSessionsACalendarAlreadyHolds()
    {
        await SetMeetingLengthAsync(TimeSpan.FromMinutes(90));
        using (var booked = await BookAsync(Meeting, "2026-03-03T09:00:00-05:00"))
        {
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        // As a store written before the column existed: every bound 0, then the migration's own statement.
        await App.ArrangeAsync(async db =>
        {
            await db.Calendars.ExecuteUpdateAsync(s => s.SetProperty(c => c.LongestBlockSeconds, 0L));
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? AddCalendarLongestBlock.PostgresBackfill : AddCalendarLongestBlock.SqliteBackfill);
        });

        var bounds = await App.QueryAsync(db => db.Calendars.ToDictionaryAsync(c => c.Name, c => c.LongestBlockSeconds));
        Assert.InRange(bounds["Alex Rivera"], 90 * 60, (90 * 60) + 1);
        Assert.Equal(0, bounds["Sam Okafor"]);
        using var late = await BookAsync(Meeting, "2026-03-03T10:00:00-05:00");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private Task SetMeetingLengthAsync(TimeSpan length)
        => App.ArrangeAsync(async db =>
        {
            var page = await db.BookingPages.SingleAsync(p => p.Slug == Meeting);
            page.SessionLength = length;
        });
}

public sealed class SqliteLongestBlockTests() : LongestBlockTests(DatabaseProvider.Sqlite);

public sealed class PostgresLongestBlockTests() : LongestBlockTests(DatabaseProvider.Postgres);

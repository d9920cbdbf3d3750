using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// The admin's week view opens on the week that holds today in the calendar's zone, whatever the day and the hour, and
/// each session in it is a link to its booking with its time and zone.
/// </summary>
public abstract class CalendarWeekTests(DatabaseProvider provider) : AppTestBase(provider)
{
    // America/New_York moves to summer time at 07:00 UTC on Sunday 8 March 2026.
    [Theory]
    [InlineData("2026-03-08T05:30:00Z", "Sun Mar 8", 0)] // 00:30 EST, Sunday
    [InlineData("2026-03-08T15:00:00Z", "Sun Mar 8", 0)] // 11:00 EDT, Sunday
    [InlineData("2026-03-09T03:30:00Z", "Sun Mar 8", 0)] // 23:30 EDT, Sunday in New York, already Monday in UTC
    [InlineData("2026-03-08T04:30:00Z", "Sun Mar 1", 6)] // 23:30 EST, Saturday: the last day of its week
    [InlineData("2026-03-11T16:00:00Z", "Sun Mar 8", 3)] // a Wednesday
    public async Task TheWeek_OpensOnTheWeekThatHoldsTodayInTheCalendarsZone(string now, string firstDay, int todayColumn)
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-06T10:00:00-05:00");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-12T10:00:00-04:00");
        using var admin = await SignInAsync();
        Clock.Set(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var week = await HtmlPage.GetAsync(admin, "/admin/calendar");

        var days = week.QuerySelectorAll(".mb-week__day").ToList();
        Assert.Equal(7, days.Count);
        Assert.StartsWith(firstDay, Label(days[0]), StringComparison.Ordinal);
        var today = Assert.Single(days, d => d.ClassList.Contains("mb-week__day--today"));
        Assert.Equal(todayColumn, days.IndexOf(today));
        Assert.Null(week.QuerySelector(".mb-week-nav__today")); // no "This week" link: this is it
        Assert.Single(week.QuerySelectorAll(".mb-week__entry")); // Friday 6 March or Thursday 12 March, not both
    }

    [Fact]
    public async Task EachSession_LinksToItsBooking_WithItsTimeAndZone()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-12T10:00:00-04:00");
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        using var admin = await SignInAsync();

        var week = await HtmlPage.GetAsync(admin, "/admin/calendar?week=2026-03-12");

        var entry = Assert.Single(week.QuerySelectorAll<IHtmlAnchorElement>(".mb-week__entry"));
        Assert.Equal($"/admin/bookings/{id}", entry.GetAttribute("href"));
        Assert.Matches(@"10:00\sAM–10:30\sAM EDT", entry.QuerySelector("strong")?.TextContent);
        Assert.Contains("America/New York · UTC\u221205:00 · EST, then UTC\u221204:00 · EDT from Sun Mar 8", week.QuerySelector(".mb-week__zone")?.TextContent, StringComparison.Ordinal); // summer time starts in this week
        Assert.NotNull(week.QuerySelector(".mb-week-nav__today")); // another week than today's: a way back to it
        var opened = await HtmlPage.GetAsync(admin, entry.GetAttribute("href")!);
        Assert.Contains(await App.QueryAsync(db => db.Bookings.Select(b => b.Reference).SingleAsync()), opened.Body?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWeekStartingOnMonday_OnASunday_EndsWithToday()
    {
        await using var database = await TestDatabase.CreateAsync(App.Database.Provider);
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 8, 15, 0, 0, TimeSpan.Zero));
        await using var app = new ManageBookingApp(database, clock, new Dictionary<string, string?> { ["ManageBooking:Admin:FirstDayOfWeek"] = "Monday" });
        await AdminSession.CreateUserAsync(app, "admin@example.test", Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(app, "admin@example.test");

        var days = (await HtmlPage.GetAsync(admin, "/admin/calendar")).QuerySelectorAll(".mb-week__day").ToList();

        Assert.StartsWith("Mon Mar 2", Label(days[0]), StringComparison.Ordinal);
        Assert.Contains("mb-week__day--today", days[6].ClassList);
    }

    private static string Label(IElement day) => day.QuerySelector(".mb-week__label")!.TextContent.Trim();

    private async Task<HttpClient> SignInAsync()
    {
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, "admin@example.test");
    }
}

public sealed class SqliteCalendarWeekTests() : CalendarWeekTests(DatabaseProvider.Sqlite);

public sealed class PostgresCalendarWeekTests() : CalendarWeekTests(DatabaseProvider.Postgres);

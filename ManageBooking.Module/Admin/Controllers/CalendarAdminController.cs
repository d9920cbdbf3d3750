using ManageBooking.Admin.ViewModels;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Admin.Controllers;

/// <summary>
/// A calendar's week: seven days across on a wide screen, one under another on a phone (theme.css), each session a link
/// to its booking, in the calendar's zone.
/// </summary>
[Route("admin/calendar")]
[Authorize(Policy = nameof(Permissions.ViewBookings))]
public sealed class CalendarAdminController(ManageBookingDbContext db, TimeProvider clock, IOptions<ManageBookingOptions> site, IOptions<AdminOptions> admin) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(Guid? calendar, string? week, CancellationToken cancellationToken)
    {
        var calendars = await db.Calendars.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        if (calendars.Count == 0)
        {
            return NotFound();
        }

        var calendarId = calendar is { } chosen && calendars.Any(c => c.Id == chosen) ? chosen : calendars[0].Id;

        // A calendar is one person's, and its pages share their zone: the week is read in its oldest page's zone, the
        // office's for a calendar with no page yet. Today is today there.
        var zoneId = await db.BookingPages.AsNoTracking().Where(p => p.CalendarId == calendarId)
            .OrderBy(p => p.CreatedUtc).ThenBy(p => p.Id).Select(p => p.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        var zone = Zones.FirstOrUtc(zoneId, site.Value.TimeZone);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var first = (InputRules.ParseScheduleDate(week) ?? today).With(DateAdjusters.PreviousOrSame(NodaTime.Extensions.DayOfWeekExtensions.ToIsoDayOfWeek(admin.Value.FirstDayOfWeek)));
        var last = first.PlusDays(6);
        var range = Scheduling.ViewerRange.Of(first, last, zone);
        var from = range.Start.ToDateTimeUtc();
        var to = range.End.ToDateTimeUtc();
        var sessions = await db.BookingSessions.AsNoTracking()
            .Where(s => s.CalendarId == calendarId && s.Status == SessionStatus.Scheduled && s.StartUtc >= from && s.StartUtc < to)
            .Join(db.Bookings, s => s.BookingId, b => b.Id, (s, b) => new { s.StartUtc, s.EndUtc, b.Id, b.CustomerName, b.Status, Page = b.Page!.Title })
            .OrderBy(x => x.StartUtc)
            .ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, 7).Select(i =>
        {
            var date = first.PlusDays(i);
            var entries = sessions
                .Select(s => (s, Start: Instant.FromDateTimeUtc(s.StartUtc), End: Instant.FromDateTimeUtc(s.EndUtc)))
                .Where(x => x.Start.InZone(zone).Date == date)
                .Select(x => new WeekEntry(x.s.Id, $"{TimeDisplay.Time(x.Start, zone)}–{TimeDisplay.Time(x.End, zone)}", ShortZone(zone, x.Start), x.s.CustomerName, x.s.Page, x.s.Status))
                .ToList();
            return new WeekDay(TimeDisplay.Day(date), date == today, entries);
        }).ToList();
        string Link(LocalDate d) => $"/admin/calendar?calendar={calendarId}&week={LocalDatePattern.Iso.Format(d)}";
        return View("Index", new WeekViewModel(
            [.. calendars.Select(c => (c.Id, c.Name))],
            calendarId,
            $"{TimeDisplay.Day(first)} – {TimeDisplay.Day(last)}",
            WeekZone(zone, range),
            days,
            Link(first.PlusDays(-7)),
            Link(first.PlusDays(7)))
        {
            TodayUrl = today >= first && today <= last ? null : $"/admin/calendar?calendar={calendarId}",
        });
    }

    /// <summary>The zone as it is at the week's start, and as it is after a change of offset within the week (summer time).</summary>
    private static string WeekZone(DateTimeZone zone, Interval week)
    {
        var start = zone.GetZoneInterval(week.Start);
        if (!start.HasEnd || start.End >= week.End)
        {
            return Scheduling.ZoneLabel.Describe(zone, week.Start);
        }

        var change = start.End;
        var after = ShortZone(zone, change);
        var offset = Scheduling.ZoneLabel.Offset(zone.GetUtcOffset(change));
        return $"{Scheduling.ZoneLabel.Describe(zone, week.Start)}, then {(after == offset ? offset : $"{offset} · {after}")} from {TimeDisplay.Day(change.InZone(zone).Date)} {TimeDisplay.Time(change, zone)}";
    }

    /// <summary>"EST", "CEST", or "UTC+03:00" where the zone has no abbreviation: a week may cross a change of offset.</summary>
    private static string ShortZone(DateTimeZone zone, Instant at)
    {
        var name = zone.GetZoneInterval(at).Name;
        return name.Length > 0 && char.IsAsciiLetter(name[0]) ? name : Scheduling.ZoneLabel.Offset(zone.GetUtcOffset(at));
    }
}

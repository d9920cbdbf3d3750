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

/// <summary>The week of a calendar as a grid: people read a week faster across than down a list.</summary>
[Route("admin/calendar")]
[Authorize(Policy = nameof(Permissions.ViewBookings))]
public sealed class CalendarAdminController(ManageBookingDbContext db, TimeProvider clock, IOptions<ManageBookingOptions> site) : Controller
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

        // The calendar's zone is its first page's (else the office's); the owner reads their week in their own time.
        var zoneId = await db.BookingPages.AsNoTracking().Where(p => p.CalendarId == calendarId).Select(p => p.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        var zone = Zones.FirstOrUtc(zoneId, site.Value.TimeZone);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var monday = (InputRules.ParseScheduleDate(week) ?? today).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var range = Scheduling.ViewerRange.Of(monday, monday.PlusDays(6), zone);
        var from = range.Start.ToDateTimeUtc();
        var to = range.End.ToDateTimeUtc();
        var sessions = await db.BookingSessions.AsNoTracking()
            .Where(s => s.CalendarId == calendarId && s.Status == SessionStatus.Scheduled && s.StartUtc >= from && s.StartUtc < to)
            .Join(db.Bookings, s => s.BookingId, b => b.Id, (s, b) => new { s.StartUtc, s.EndUtc, b.Id, b.CustomerName, b.Status, Page = b.Page!.Title })
            .OrderBy(x => x.StartUtc)
            .ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, 7).Select(i =>
        {
            var date = monday.PlusDays(i);
            var entries = sessions
                .Where(s => Instant.FromDateTimeUtc(s.StartUtc).InZone(zone).Date == date)
                .Select(s => new WeekEntry(s.Id, $"{TimeDisplay.Time(Instant.FromDateTimeUtc(s.StartUtc), zone)}–{TimeDisplay.Time(Instant.FromDateTimeUtc(s.EndUtc), zone)}", s.CustomerName, s.Page, s.Status))
                .ToList();
            return new WeekDay(TimeDisplay.Day(date), date == today, entries);
        }).ToList();
        string Link(LocalDate d) => $"/admin/calendar?calendar={calendarId}&week={LocalDatePattern.Iso.Format(d)}";
        return View("Index", new WeekViewModel(
            [.. calendars.Select(c => (c.Id, c.Name))],
            calendarId,
            Scheduling.ZoneLabel.Describe(zone, range.Start),
            days,
            Link(monday.PlusDays(-7)),
            Link(monday.PlusDays(7))));
    }
}

using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>Reads the scheduled sessions of a calendar that could collide with times in a window.</summary>
public sealed class BusyCalendarLoader(ManageBookingDbContext db)
{
    /// <summary>
    /// Loads every scheduled session whose held time reaches into [from - bufferBefore, to + bufferAfter), leaving out
    /// <paramref name="exceptSessionIds"/> (a session being moved does not collide with itself).
    /// </summary>
    public async Task<BusyCalendar> LoadAsync(
        Guid calendarId, Instant from, Instant to, PageSchedule schedule, IReadOnlyCollection<Guid>? exceptSessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var windowStart = (from - schedule.BufferBefore).ToDateTimeUtc();
        var windowEnd = (to + schedule.SessionLength + schedule.BufferAfter).ToDateTimeUtc();
        var except = exceptSessionIds ?? [];
        var seats = await db.Calendars.Where(c => c.Id == calendarId).Select(c => c.Seats).FirstAsync(cancellationToken);
        var sessions = await db.BookingSessions
            .AsNoTracking()
            .Where(s => s.CalendarId == calendarId
                && s.Status == SessionStatus.Scheduled
                && s.BlockedStartUtc < windowEnd
                && s.BlockedEndUtc > windowStart
                && !except.Contains(s.Id))
            .OrderBy(s => s.BlockedStartUtc)
            .Select(s => new { s.StartUtc, s.EndUtc, s.BlockedStartUtc, s.BlockedEndUtc })
            .ToListAsync(cancellationToken);
        return new BusyCalendar(
            sessions.Select(s => new BusyInterval(
                Instant.FromDateTimeUtc(s.StartUtc),
                Instant.FromDateTimeUtc(s.EndUtc),
                Instant.FromDateTimeUtc(s.BlockedStartUtc),
                Instant.FromDateTimeUtc(s.BlockedEndUtc))),
            seats);
    }
}

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
    public Task<BusyCalendar> LoadAsync(
        Guid calendarId, Instant from, Instant to, PageSchedule schedule, IReadOnlyCollection<Guid>? exceptSessionIds, CancellationToken cancellationToken)
        => LoadAsync(db, calendarId, from, to, schedule, exceptSessionIds, cancellationToken);

    /// <summary>The same read in a context the caller holds (a batched write reads in the writer's).</summary>
    internal static async Task<BusyCalendar> LoadAsync(
        ManageBookingDbContext db, Guid calendarId, Instant from, Instant to, PageSchedule schedule, IReadOnlyCollection<Guid>? exceptSessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var windowStart = (from - schedule.BufferBefore).ToDateTimeUtc();
        var windowEnd = (to + schedule.SessionLength + schedule.BufferAfter).ToDateTimeUtc();
        var calendar = await CalendarQuery.For(db)(db, calendarId, cancellationToken);

        // A session reaches into the window only if it starts less than the calendar's longest block before it: the
        // index on (CalendarId, Status, BlockedStartUtc) is then read over a range as wide as the window, not from the
        // calendar's first session on.
        var floor = Floor(windowStart, calendar.LongestBlockSeconds);
        var sessions = new List<HeldTime>();
        // Every slot list, booking page and change asks this; compiled once, it skips EF's per-call planning. The sessions
        // being moved are few and left out here rather than in SQL, so one compiled query serves both.
        await foreach (var held in HeldQuery.For(db)(db, calendarId, floor, windowStart, windowEnd).WithCancellation(cancellationToken))
        {
            if (exceptSessionIds is null || !exceptSessionIds.Contains(held.Id))
            {
                sessions.Add(held);
            }
        }

        return new BusyCalendar(
            sessions.Select(s => new BusyInterval(
                Instant.FromDateTimeUtc(s.StartUtc),
                Instant.FromDateTimeUtc(s.EndUtc),
                Instant.FromDateTimeUtc(s.BlockedStartUtc),
                Instant.FromDateTimeUtc(s.BlockedEndUtc))),
            calendar.Seats);
    }

    private static DateTime Floor(DateTime windowStart, long longestBlockSeconds)
        => longestBlockSeconds >= (windowStart - DateTime.MinValue).TotalSeconds
            ? DateTime.MinValue
            : windowStart.AddSeconds(-longestBlockSeconds);

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<CalendarFacts>>> CalendarQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Calendars.Where(c => c.Id == id)
            .Select(c => new CalendarFacts(c.Seats, c.LongestBlockSeconds)).First()));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, DateTime, DateTime, DateTime, IAsyncEnumerable<HeldTime>>> HeldQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid calendarId, DateTime floor, DateTime windowStart, DateTime windowEnd) => context.BookingSessions
            .AsNoTracking()
            .Where(s => s.CalendarId == calendarId
                && s.Status == SessionStatus.Scheduled
                && s.BlockedStartUtc >= floor
                && s.BlockedStartUtc < windowEnd
                && s.BlockedEndUtc > windowStart)
            .OrderBy(s => s.BlockedStartUtc)
            .Select(s => new HeldTime(s.Id, s.StartUtc, s.EndUtc, s.BlockedStartUtc, s.BlockedEndUtc))));

    private sealed record CalendarFacts(int Seats, long LongestBlockSeconds);

    private sealed record HeldTime(Guid Id, DateTime StartUtc, DateTime EndUtc, DateTime BlockedStartUtc, DateTime BlockedEndUtc);
}

using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Data;

/// <summary>
/// Keeps <see cref="Calendar.LongestBlockSeconds"/> at least as long as every session its calendar holds: whatever adds a
/// session raises it in the same save, so no path that books or moves can forget it.
/// </summary>
internal static class CalendarBlocks
{
    /// <summary>Raises the bound of each calendar a new session in the change tracker blocks for longer; the caller saves.</summary>
    public static async Task RaiseForNewSessionsAsync(ManageBookingDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (calendarId, seconds) in LongestNewBlocks(db))
        {
            await Raise(db, calendarId, seconds).ExecuteUpdateAsync(s => s.SetProperty(c => c.LongestBlockSeconds, seconds), cancellationToken);
        }
    }

    /// <inheritdoc cref="RaiseForNewSessionsAsync"/>
    public static void RaiseForNewSessions(ManageBookingDbContext db)
    {
        foreach (var (calendarId, seconds) in LongestNewBlocks(db))
        {
            Raise(db, calendarId, seconds).ExecuteUpdate(s => s.SetProperty(c => c.LongestBlockSeconds, seconds));
        }
    }

    public static long SecondsRoundedUp(TimeSpan length) => (length.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;

    // Only ever up: two writers of one calendar hold its lock in turn, and a bound larger than needed is never wrong.
    private static IQueryable<Calendar> Raise(ManageBookingDbContext db, Guid calendarId, long seconds)
        => db.Calendars.Where(c => c.Id == calendarId && c.LongestBlockSeconds < seconds);

    private static Dictionary<Guid, long> LongestNewBlocks(ManageBookingDbContext db)
    {
        var longest = new Dictionary<Guid, long>();
        foreach (var entry in db.ChangeTracker.Entries<BookingSession>())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            var session = entry.Entity;
            var seconds = SecondsRoundedUp(session.BlockedEndUtc - session.BlockedStartUtc);
            if (!longest.TryGetValue(session.CalendarId, out var known) || known < seconds)
            {
                longest[session.CalendarId] = seconds;
            }
        }

        return longest;
    }
}

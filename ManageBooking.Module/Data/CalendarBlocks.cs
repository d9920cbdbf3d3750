using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Data;

/// <summary>
/// Keeps <see cref="Calendar.LongestBlockSeconds"/> at least as long as every session its calendar holds: whatever adds a
/// session raises it in the same save, so no path that books or moves can forget it.
/// </summary>
internal static class CalendarBlocks
{
    /// <summary>
    /// Raises the bound of each calendar a new session in the change tracker blocks for longer; the caller has detected
    /// changes and saves.
    /// </summary>
    public static async Task RaiseForNewSessionsAsync(ManageBookingDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (calendarId, seconds) in LongestNewBlocks(db))
        {
            await db.Database.ExecuteSqlAsync(Raise(calendarId, seconds), cancellationToken);
        }
    }

    /// <inheritdoc cref="RaiseForNewSessionsAsync"/>
    public static void RaiseForNewSessions(ManageBookingDbContext db)
    {
        foreach (var (calendarId, seconds) in LongestNewBlocks(db))
        {
            db.Database.ExecuteSql(Raise(calendarId, seconds));
        }
    }

    public static long SecondsRoundedUp(TimeSpan length) => (length.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;

    // Only ever up: two writers of one calendar hold its lock in turn, and a bound larger than needed is never wrong. Plain
    // SQL: every booking runs it inside its calendar's lock, where EF's ExecuteUpdate would plan an expression tree.
    private static FormattableString Raise(Guid calendarId, long seconds)
        => $"""UPDATE "Calendars" SET "LongestBlockSeconds" = {seconds} WHERE "Id" = {calendarId} AND "LongestBlockSeconds" < {seconds}""";

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

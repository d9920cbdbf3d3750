using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>Every row that a booking change could touch, the outbox included, as text, to prove that something changed nothing.</summary>
public static class Snapshot
{
    public static async Task<string> TakeAsync(ManageBookingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bookings = await db.Bookings.AsNoTracking().OrderBy(b => b.Reference)
            .Select(b => $"{b.Reference} {b.Status} {b.RescheduleCount} {b.Version} {b.UpdatedUtc:O} {b.ManageLinkVersion} {b.LegacyTokenHash}").ToListAsync();
        var sessions = (await db.BookingSessions.AsNoTracking().ToListAsync())
            .OrderBy(s => s.Id).Select(s => $"{s.Id} {s.Status} {s.StartUtc:O} {s.Sequence} {s.IsReplaced} {s.Attendance}");
        var history = await db.BookingHistory.CountAsync();
        var pages = await db.BookingPages.AsNoTracking().OrderBy(p => p.Slug).Select(p => $"{p.Slug} {p.Version}").ToListAsync();
        var calendars = await db.Calendars.AsNoTracking().OrderBy(c => c.Name).Select(c => $"{c.Name} {c.WriteCount}").ToListAsync();
        // Queued emails and webhooks count as changes too: a GET that queued one would otherwise pass.
        var outbox = (await db.OutboxMessages.AsNoTracking().ToListAsync())
            .OrderBy(m => m.Id).Select(m => $"{m.Id} {m.Kind} {m.Status} {m.Event} {m.Recipient} {m.DueUtc:O} {m.Attempts} {m.SentUtc:O}");
        return string.Join('\n', bookings.Concat(sessions).Concat(pages).Concat(calendars).Concat(outbox).Append($"history {history}"));
    }
}

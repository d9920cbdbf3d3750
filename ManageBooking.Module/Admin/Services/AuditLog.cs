using System.Globalization;
using ManageBooking.Data;
using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Services;

/// <summary>
/// The admin's audit list. An entry is added to the caller's unit of work, so it commits with the change it records
/// or not at all; the list reads newest first with a keyset cursor.
/// </summary>
public sealed class AuditLog(ManageBookingDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Records a change; the caller's save commits it.</summary>
    public void Add(string? actor, AuditAction action, string subject, string? detail = null)
        => db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = Cut(actor ?? "", 256),
            Action = action,
            Subject = Cut(subject, AuditEntry.TextMaxLength),
            Detail = detail is null ? null : Cut(detail, AuditEntry.TextMaxLength),
        });

    /// <summary>A page of entries, newest first, older than the cursor; and the cursor of the next page.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, string? Next)> PageAsync(string? before, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks is >= 0 and <= 3155378975999999999)
        {
            var until = new DateTime(ticks, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < until);
        }

        var entries = await query.OrderByDescending(a => a.AtUtc).Take(PageSize + 1).ToListAsync(cancellationToken);
        var next = entries.Count > PageSize ? entries[PageSize - 1].AtUtc.Ticks.ToString(CultureInfo.InvariantCulture) : null;
        return ([.. entries.Take(PageSize)], next);
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}

using System.Data.Common;
using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ManageBooking.Admin.Services;

/// <summary>
/// The database-level guard of first-run setup: the caller creates the administrator inside <see cref="ClaimAsync"/>'s
/// transaction, whose first statement inserts the SiteSetup row. A racing setup waits on that row (SQLite's write lock,
/// PostgreSQL's unique index) and then fails on its key, whichever node it runs on.
/// </summary>
public sealed class FirstRunSetup(ManageBookingDbContext db)
{
    /// <summary>The open transaction holding the claim, or null when another setup has claimed (or is claiming) the site.</summary>
    public async Task<IDbContextTransaction?> ClaimAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "SiteSetup" ("Id") VALUES (1)""", cancellationToken);
            return transaction;
        }
        catch (DbException)
        {
            await transaction.DisposeAsync();
            return null;
        }
    }
}

using ManageBooking.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Operations;

/// <summary>
/// The readiness query of the store: the database answers now and every migration this build knows is applied. A SQLite
/// file is opened afresh (no pooled handle, never created): a pooled connection would go on reading a file that was
/// since moved, replaced or damaged, and the probe must see what the next request will.
/// </summary>
public static class StoreReadiness
{
    public static async Task<bool> IsReadyAsync(ManageBookingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            var fresh = new SqliteConnectionStringBuilder(db.Database.GetConnectionString())
            {
                Pooling = false,
                Mode = SqliteOpenMode.ReadWrite,
            };
            db.Database.SetDbConnection(new SqliteConnection(fresh.ToString()), contextOwnsConnection: true);
        }

        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        return !db.Database.GetMigrations().Except(applied).Any();
    }
}

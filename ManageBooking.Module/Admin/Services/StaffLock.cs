using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ManageBooking.Admin.Services;

/// <summary>
/// Serialises changes to staff accounts in the database, so that two administrators demoting each other at the same
/// moment, on one node or two, cannot both pass the last-administrator check. The transaction's first statement writes
/// the Administrator role's row: SQLite's write lock, or PostgreSQL's row lock, held until commit.
/// </summary>
public sealed class StaffLock(ManageBookingDbContext db)
{
    public async Task<IDbContextTransaction> AcquireAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var administrator = Permissions.AdministratorRole.ToUpperInvariant();
            var stamp = Guid.NewGuid().ToString();
            await db.Roles.Where(r => r.NormalizedName == administrator)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, stamp), cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}

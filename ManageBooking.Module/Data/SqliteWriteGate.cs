using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ManageBooking.Data;

/// <summary>
/// Queues this process's write transactions on SQLite, which has one writer per file. Without it, concurrent writers
/// meet SQLITE_BUSY and Microsoft.Data.Sqlite retries each after sleeping 150 ms, so 32 customers booking at once made
/// about 17 bookings a second; queued in memory they take turns without sleeping. SQLite's own lock still guards the
/// file against other processes (and <see cref="SqliteBusyTimeout"/> makes them wait in SQLite instead). On PostgreSQL
/// this begins a plain transaction: the calendar's row lock orders writers there.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Begins a transaction, after this process's previous SQLite write transaction ended.</summary>
    public async Task<IDbContextTransaction> BeginTransactionAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsSqlite())
        {
            return await database.BeginTransactionAsync(cancellationToken);
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            return new GatedTransaction(await database.BeginTransactionAsync(cancellationToken), _turn);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    public void Dispose() => _turn.Dispose();
}

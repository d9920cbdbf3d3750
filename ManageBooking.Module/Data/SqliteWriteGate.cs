using Microsoft.Data.Sqlite;
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
/// <para>
/// A gated transaction commits with <c>synchronous = NORMAL</c>, so its commit writes the log without waiting for the
/// disk and the next writer takes its turn at once; <see cref="IDbContextTransaction.CommitAsync"/> then returns only once
/// <see cref="ISqliteLogSync"/> has synced the log past that commit. Each write stays its own transaction and is as
/// durable when it answers as with <c>synchronous = FULL</c>, but the disk's flush (about 3 ms here) is no longer taken
/// inside the one writer's turn, and one flush serves every commit that came before it.
/// </para>
/// </summary>
public sealed class SqliteWriteGate(ISqliteLogSync logSync) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Begins a transaction, after this process's previous SQLite write transaction committed or ended.</summary>
    public async Task<IDbContextTransaction> BeginTransactionAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsSqlite())
        {
            return await database.BeginTransactionAsync(cancellationToken);
        }

        await _turn.WaitAsync(cancellationToken);
        var opened = false;
        try
        {
            await database.OpenConnectionAsync(cancellationToken);
            opened = true;
            var connection = (SqliteConnection)database.GetDbConnection();
            await SqliteSynchronous.SetAsync(connection, SqliteSynchronous.Normal, cancellationToken);
            var inner = await database.BeginTransactionAsync(cancellationToken);
            return new GatedTransaction(inner, _turn, database, connection, logSync);
        }
        catch
        {
            if (opened)
            {
                await SqliteSynchronous.RestoreAndCloseAsync(database);
            }

            _turn.Release();
            throw;
        }
    }

    /// <summary>
    /// Returns once everything committed to this site's SQLite file is on disk (at once on PostgreSQL): for an answer read
    /// back from a write another request committed, which may still be waiting for its sync.
    /// </summary>
    public Task WaitDurableAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.IsSqlite()
            ? logSync.SyncAsync(SqliteSynchronous.DatabasePath(database.GetDbConnection()), cancellationToken)
            : Task.CompletedTask;
    }

    public void Dispose() => _turn.Dispose();
}

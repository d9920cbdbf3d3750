using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ManageBooking.Data;

/// <summary>
/// A SQLite write transaction of <see cref="SqliteWriteGate"/>: committing gives the next writer its turn at once, then
/// waits for the log sync that makes the commit durable; disposing gives the turn back if nothing did, and returns the
/// connection to <c>synchronous = FULL</c>.
/// </summary>
internal sealed class GatedTransaction(
    IDbContextTransaction inner, SemaphoreSlim turn, DatabaseFacade database, SqliteConnection connection, ISqliteLogSync logSync) : IDbContextTransaction
{
    private int _released;
    private int _disposed;

    public Guid TransactionId => inner.TransactionId;

    public void Commit() => CommitAsync().GetAwaiter().GetResult();

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        // Not an answer before it is on disk: a booking confirmed here must survive a power cut.
        await (await CommitUnsyncedAsync(cancellationToken)).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Commits and gives the next writer its turn; the task returned completes once the commit is on disk. For a writer
    /// that answers its callers then, and meanwhile goes on with the next transaction.
    /// </summary>
    public async Task<Task> CommitUnsyncedAsync(CancellationToken cancellationToken)
    {
        await inner.CommitAsync(cancellationToken);
        Release();
        return logSync.SyncAsync(SqliteSynchronous.DatabasePath(connection), CancellationToken.None);
    }

    public bool SupportsSavepoints => inner.SupportsSavepoints;

    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Rollback() => inner.Rollback();

    public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await inner.DisposeAsync();
            await SqliteSynchronous.RestoreAndCloseAsync(database);
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            turn.Release();
        }
    }
}

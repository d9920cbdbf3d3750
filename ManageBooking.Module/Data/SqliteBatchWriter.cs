using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageBooking.Data;

/// <summary>
/// Runs the short writes of many requests (new bookings) in one SQLite transaction, each in a savepoint of its own: while
/// one transaction is written, the writes that arrive queue for the next. SQLite has one writer, so what a write costs
/// besides its own rows (its turn, the connection's settings, BEGIN and COMMIT, the log pages every write touches, a
/// fresh page cache) is paid once per transaction instead of once per request.
/// <para>
/// Each write still gets its own answer, and only once the transaction that holds it is on disk (the commit is synced by
/// <see cref="ISqliteLogSync"/>, as <see cref="SqliteWriteGate"/>'s writes are). A write that throws is rolled back to its
/// savepoint and answered with its exception; the others in the transaction are untouched. If the transaction itself
/// fails (its commit, or a rollback to a savepoint), every write in it is answered with that failure; none is told it
/// was kept. The writes run one after another on the writer's context, so each sees the ones before it: a check and
/// insert in one write is as safe as in a transaction of its own.
/// </para>
/// </summary>
public sealed partial class SqliteBatchWriter(IServiceScopeFactory scopes, SqliteWriteGate gate, ILogger<SqliteBatchWriter> logger)
{
    /// <summary>The most writes one transaction holds: the dispatcher's and the other gated writes take their turn between.</summary>
    public const int MaxWrites = 64;

    private const string Savepoint = "batched_write";

    private readonly Lock _lock = new();
    private readonly Queue<QueuedWrite> _queue = new();
    private bool _running;

    /// <summary>Whether a write in <paramref name="db"/> can be batched: on SQLite, outside a transaction its caller holds.</summary>
    public static bool Applies(ManageBookingDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite() && db.Database.CurrentTransaction is null;
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writer's context, inside a transaction it may share with other requests'
    /// writes; the write saves what it adds and returns false to be undone (a refusal). Returns what the write returned,
    /// once its transaction is committed and on disk. The write is given no cancellation: cancelling a statement can roll
    /// back the whole transaction, others' writes with it. A request cancelled before its turn is not run.
    /// </summary>
    public Task<bool> WriteAsync(Func<ManageBookingDbContext, CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var queued = new QueuedWrite(write, cancellationToken);
        bool start;
        lock (_lock)
        {
            _queue.Enqueue(queued);
            start = !_running;
            _running = true;
        }

        if (start)
        {
            _ = Task.Run(RunAsync, CancellationToken.None);
        }

        return queued.Answer.Task;
    }

    /// <summary>Writes transactions until the queue is empty.</summary>
    private async Task RunAsync()
    {
        while (true)
        {
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _running = false;
                    return;
                }
            }

            try
            {
                await WriteTransactionAsync();
            }
            catch (Exception exception)
            {
                // Every write it held was answered with the failure; the loop goes on for those that come next.
                LogTransactionFailed(exception);
            }
        }
    }

    private async Task WriteTransactionAsync()
    {
        List<(QueuedWrite Write, bool Kept)> written = [];
        QueuedWrite? current = null;
        Task durable;
        try
        {
            // The first write is taken before the transaction begins: if beginning fails, it is answered with that, and
            // the loop does not spin on a queue it cannot serve.
            if (!TryTake(out current))
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();

            // The savepoint of each write is this writer's; EF's own around each save would be two statements more.
            db.Database.AutoSavepointsEnabled = false;

            // A savepoint keeps the pages its write changes in a statement journal, a file under /var/tmp once past 64 KB
            // (about 60 KB a booking, through the kernel, on every write): in memory on this connection instead, which
            // SQLite decides when the transaction begins. Put back before the connection returns to the pool, where a
            // large sort of the admin's may need the file.
            await db.Database.OpenConnectionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY;");
                durable = await WriteAllAsync(db, current, written);
                current = null;
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = DEFAULT;");
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception exception)
        {
            current?.Answer.TrySetException(exception);
            foreach (var (write, _) in written)
            {
                write.Answer.TrySetException(exception);
            }

            throw;
        }

        _ = AnswerWhenDurableAsync(durable, written);
    }

    /// <summary>
    /// Runs queued writes, <paramref name="current"/> first, in one transaction, each kept or undone in its savepoint;
    /// returns once committed, with the sync that makes the commit durable.
    /// </summary>
    private async Task<Task> WriteAllAsync(ManageBookingDbContext db, QueuedWrite current, List<(QueuedWrite Write, bool Kept)> written)
    {
        await using var transaction = (GatedTransaction)await gate.BeginTransactionAsync(db.Database, CancellationToken.None);
        var next = current;
        try
        {
            do
            {
                if (next.Cancellation.IsCancellationRequested)
                {
                    next.Answer.TrySetCanceled(next.Cancellation);
                    continue;
                }

                await transaction.CreateSavepointAsync(Savepoint);
                bool kept;
                try
                {
                    kept = await next.Write(db, CancellationToken.None);
                }
                catch (Exception exception)
                {
                    db.ChangeTracker.Clear();
                    next.Answer.TrySetException(exception);

                    // Undone alone; if even that fails, the transaction is lost and the caller answers the others.
                    await UndoAsync(transaction);
                    continue;
                }

                db.ChangeTracker.Clear();
                if (kept)
                {
                    await transaction.ReleaseSavepointAsync(Savepoint);
                }
                else
                {
                    await UndoAsync(transaction);
                }

                written.Add((next, kept));
            }
            while (written.Count < MaxWrites && TryTake(out next));
        }
        catch (Exception exception)
        {
            // The transaction is lost (a savepoint could not be made or undone): the write under way is refused with it.
            next.Answer.TrySetException(exception);
            throw;
        }

        return await transaction.CommitUnsyncedAsync(CancellationToken.None);
    }

    private static async Task UndoAsync(GatedTransaction transaction)
    {
        await transaction.RollbackToSavepointAsync(Savepoint);
        await transaction.ReleaseSavepointAsync(Savepoint);
    }

    private static async Task AnswerWhenDurableAsync(Task durable, List<(QueuedWrite Write, bool Kept)> written)
    {
        try
        {
            await durable;
        }
        catch (Exception exception)
        {
            foreach (var (write, _) in written)
            {
                write.Answer.TrySetException(exception);
            }

            return;
        }

        foreach (var (write, kept) in written)
        {
            write.Answer.TrySetResult(kept);
        }
    }

    private bool TryTake(out QueuedWrite write)
    {
        lock (_lock)
        {
            return _queue.TryDequeue(out write!);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batched SQLite write transaction failed; each write it held was refused")]
    private partial void LogTransactionFailed(Exception exception);

    private sealed class QueuedWrite(Func<ManageBookingDbContext, CancellationToken, Task<bool>> write, CancellationToken cancellation)
    {
        public Func<ManageBookingDbContext, CancellationToken, Task<bool>> Write => write;

        public CancellationToken Cancellation => cancellation;

        public TaskCompletionSource<bool> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

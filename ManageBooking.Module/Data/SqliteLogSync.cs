using Microsoft.Extensions.Logging;

namespace ManageBooking.Data;

/// <summary>
/// Group sync of SQLite's write-ahead log: one fsync of the -wal file serves every transaction committed before it began.
/// A caller that arrives while a sync is running waits for the next one, which starts as soon as that one ends, so each
/// caller's commit is covered and a burst of commits shares two syncs at most. The writes this makes durable commit with
/// <c>synchronous = NORMAL</c> (see <see cref="SqliteWriteGate"/>): their frames are in the log file when the commit returns,
/// and SQLite recovers every committed frame the disk holds; this sync is what puts them there.
/// </summary>
public sealed partial class SqliteLogSync(ILogger<SqliteLogSync> logger) : ISqliteLogSync, IDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<string, TaskCompletionSource> _waiting = [];
    private Thread? _thread;

    public Task SyncAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        if (databasePath.Length == 0)
        {
            return Task.CompletedTask;
        }

        TaskCompletionSource waiter;
        var wake = false;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (!_waiting.TryGetValue(databasePath, out waiter!))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[databasePath] = waiter;
                wake = _waiting.Count == 1;
            }

            if (_thread is null)
            {
                // A thread of its own: a sync blocks in fsync for milliseconds, one after another for as long as writes
                // keep coming, which on a pool thread would leave the requests one thread short.
                _thread = new Thread(SyncLoop) { IsBackground = true, Name = "SQLite log sync" };
                _thread.Start();
            }
        }

        if (wake)
        {
            _signal.Release();
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stopping.Cancel();
        }

        _signal.Release();
        _thread?.Join();
        _signal.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Syncs for the callers gathered so far, then for those who came during that sync, until none are waiting.</summary>
    private void SyncLoop()
    {
        while (true)
        {
            _signal.Wait();
            Dictionary<string, TaskCompletionSource> batch;
            lock (_lock)
            {
                batch = _waiting;
                _waiting = [];
                if (_stopping.IsCancellationRequested)
                {
                    foreach (var waiter in batch.Values)
                    {
                        waiter.TrySetException(new ObjectDisposedException(nameof(SqliteLogSync)));
                    }

                    return;
                }
            }

            foreach (var (databasePath, waiter) in batch)
            {
                try
                {
                    SyncLog(databasePath);
                    waiter.SetResult();
                }
                catch (Exception exception)
                {
                    // Whatever failed, the writes waiting for this sync are not known to be on disk: each is refused, and
                    // the loop goes on for those that come next.
                    LogSyncFailed(exception, databasePath);
                    waiter.SetException(exception);
                }
            }
        }
    }

    private static void SyncLog(string databasePath)
    {
        // Only the -wal file is opened: SQLite holds its POSIX locks on the database and -shm files, and closing another
        // descriptor of one of those would drop them. A missing log means the last connection closed after checkpointing
        // it into the database file, which SQLite synced first.
        FileStream log;
        try
        {
            log = new FileStream(databasePath + "-wal", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        using (log)
        {
            log.Flush(flushToDisk: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Syncing the write-ahead log of {DatabasePath} failed; the writes waiting for it were refused")]
    private partial void LogSyncFailed(Exception exception, string databasePath);
}

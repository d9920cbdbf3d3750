using Microsoft.Extensions.Logging;

namespace ManageBooking.Data;

/// <summary>
/// Group sync of SQLite's write-ahead log: one fsync of the -wal file serves every transaction committed before it began.
/// A caller that arrives while a sync is running waits for the next one, which starts as soon as that one ends, so each
/// caller's commit is covered and a burst of commits shares two syncs at most. The writes this makes durable commit with
/// <c>synchronous = NORMAL</c> (see <see cref="SqliteWriteGate"/>): their frames are in the log file when the commit returns,
/// and SQLite recovers every committed frame the disk holds; this sync is what puts them there.
/// </summary>
public sealed partial class SqliteLogSync(ILogger<SqliteLogSync> logger) : ISqliteLogSync
{
    private readonly Lock _lock = new();
    private bool _running;
    private TaskCompletionSource? _next;

    public Task SyncAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        if (databasePath.Length == 0)
        {
            return Task.CompletedTask;
        }

        TaskCompletionSource waiter;
        lock (_lock)
        {
            waiter = _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_running)
            {
                _running = true;
                _next = null;
                _ = Task.Run(() => SyncLoop(databasePath, waiter), CancellationToken.None);
            }
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Syncs for the callers gathered so far, then for those who came during that sync, until none are waiting.</summary>
    private void SyncLoop(string databasePath, TaskCompletionSource first)
    {
        var current = first;
        while (true)
        {
            try
            {
                SyncLog(databasePath);
                current.SetResult();
            }
            catch (Exception exception)
            {
                // Whatever failed, the writes waiting for this sync are not known to be on disk: each is refused, and the
                // loop goes on for those that come next.
                LogSyncFailed(exception, databasePath);
                current.SetException(exception);
            }

            lock (_lock)
            {
                if (_next is null)
                {
                    _running = false;
                    return;
                }

                current = _next;
                _next = null;
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

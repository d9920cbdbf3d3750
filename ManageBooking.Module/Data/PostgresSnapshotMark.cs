using Microsoft.Extensions.Logging;
using Npgsql;

namespace ManageBooking.Data;

/// <summary>
/// PostgreSQL's current snapshot (<c>pg_current_snapshot()</c>: the oldest transaction still running, the next to
/// start, and those in progress) as the change mark: a commit becomes visible exactly when it leaves the snapshot's
/// in-progress set, so two equal snapshots see the same committed rows, and a snapshot read after a commit has returned
/// is not the one read before it. (The write-ahead log's position would not do: a commit is in the log before it is
/// visible, and a reader in between would remember rows without it under a position that then never moves.)
/// Transactions that end without changing rows (a rollback, a row lock) change it too; that only makes a reader ask
/// the tables again.
/// <para>
/// Unlike SQLite's counter this is a round trip, so the requests waiting for it share one: each waits for the next read
/// that starts after it asked, on one connection kept for it, and one statement answers all who were waiting. A read
/// that starts after a request arrived sees every commit that had returned before it, whichever node made it.
/// </para>
/// </summary>
public sealed partial class PostgresSnapshotMark(string connectionString, ILogger<PostgresSnapshotMark> logger) : IStoreChangeMark, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource<string?>? _next;
    private Task? _reading;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;

    public ValueTask<string?> ReadAsync(CancellationToken cancellationToken)
    {
        Task<string?> read;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return ValueTask.FromResult<string?>(null);
            }

            _next ??= new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            read = _next.Task;
            _reading ??= Task.Run(ReadWhileAskedAsync, CancellationToken.None);
        }

        return new ValueTask<string?>(read.WaitAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        Task? reading;
        lock (_gate)
        {
            _stopping.Cancel();
            reading = _reading;
        }

        // The read under way ends at once (cancelled) and answers its waiters null; only then is its connection closed.
        if (reading is not null)
        {
            await reading;
        }

        await CloseAsync();
        _stopping.Dispose();
    }

    /// <summary>Reads the position for everyone who asked before the read began, then again while anyone asked since.</summary>
    private async Task ReadWhileAskedAsync()
    {
        while (true)
        {
            TaskCompletionSource<string?>? waiting;
            lock (_gate)
            {
                waiting = _next;
                _next = null;
                if (waiting is null)
                {
                    _reading = null;
                    return;
                }
            }

            waiting.SetResult(await TryReadAsync());
        }
    }

    private async Task<string?> TryReadAsync()
    {
        try
        {
            if (_command is null)
            {
                await OpenAsync();
            }

            return await _command!.ExecuteScalarAsync(_stopping.Token) as string;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            // A server before PostgreSQL 13 (no pg_current_snapshot), a restart, a network blip: the readers ask the
            // tables this time.
            LogUnreadable(logger, exception);
            await CloseAsync();
            return null;
        }
    }

    private async Task OpenAsync()
    {
        // A connection of its own, outside the pool, so that the shared read never waits for a pooled one.
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await _connection.OpenAsync(_stopping.Token);
        _command = new NpgsqlCommand("SELECT pg_current_snapshot()::text", _connection);
        await _command.PrepareAsync(_stopping.Token);
    }

    private async Task CloseAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _command = null;
        _connection = null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The database snapshot could not be read; kept pages check their rows instead.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}

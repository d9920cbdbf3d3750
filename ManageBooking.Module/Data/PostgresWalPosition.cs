using Microsoft.Extensions.Logging;
using Npgsql;

namespace ManageBooking.Data;

/// <summary>
/// PostgreSQL's write-ahead log insert position as a change counter: every commit that changed a row writes its commit
/// record to the log first, so a position read after a commit has returned is past it, and two equal positions mean no
/// commit in between. Other writes to the log (vacuum, checkpoints, another database on the same server) move it too;
/// that only makes a reader ask the tables again.
/// <para>
/// Unlike SQLite's counter this is a round trip, so the requests waiting for it share one: each waits for the next read
/// that starts after it asked, on one connection kept for it, and one statement answers all who were waiting. A read
/// that starts after a request arrived is past every commit that had returned before it, whichever node made it.
/// </para>
/// </summary>
public sealed partial class PostgresWalPosition(string connectionString, ILogger<PostgresWalPosition> logger) : IStoreChangeCounter, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource<long?>? _next;
    private Task? _reading;
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;

    public ValueTask<long?> ReadAsync(CancellationToken cancellationToken)
    {
        Task<long?> read;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return ValueTask.FromResult<long?>(null);
            }

            _next ??= new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
            read = _next.Task;
            _reading ??= Task.Run(ReadWhileAskedAsync, CancellationToken.None);
        }

        return new ValueTask<long?>(read.WaitAsync(cancellationToken));
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
            TaskCompletionSource<long?>? waiting;
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

    private async Task<long?> TryReadAsync()
    {
        try
        {
            if (_command is null)
            {
                await OpenAsync();
            }

            return await _command!.ExecuteScalarAsync(_stopping.Token) is long position ? position : null;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or OperationCanceledException or TimeoutException)
        {
            // A standby (no insert position), a restart, a network blip: the readers ask the tables this time.
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
        _command = new NpgsqlCommand("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint", _connection);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "The write-ahead log position could not be read; kept pages check their rows instead.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ManageBooking.Data;

/// <summary>
/// Lets SQLite itself wait for a busy file (PRAGMA busy_timeout, the connection string's Default Timeout) on every
/// connection opened. Otherwise Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping 150 ms before each retry, and a
/// write that meets the outbox's for a moment waits a sixth of a second for it. Every connection also starts at
/// <c>synchronous = FULL</c>: a commit is on disk when it returns, unless <see cref="SqliteWriteGate"/> syncs it itself.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = Pragma(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = Pragma(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SqliteCommand Pragma(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {connection.DefaultTimeout * 1000L}; PRAGMA synchronous = {SqliteSynchronous.Full};";
        return command;
    }
}

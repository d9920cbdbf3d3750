using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ManageBooking.Data;

/// <summary>
/// Lets SQLite itself wait for a busy file (PRAGMA busy_timeout, the connection string's Default Timeout) on every
/// connection opened. Otherwise Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping 150 ms before each retry, and a
/// write that meets the outbox's for a moment waits a sixth of a second for it. Every connection also starts at
/// <c>synchronous = FULL</c>: a commit is on disk when it returns, unless <see cref="SqliteWriteGate"/> syncs it itself.
/// <para>
/// Both settings belong to SQLite's own connection, which Microsoft.Data.Sqlite pools and EF opens again for every query:
/// they are set the first time a pooled connection is opened, not each time (two statements parsed per query saved).
/// A gated write forgets its connection while it runs at NORMAL, and remembers it once it is back at FULL.
/// </para>
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite && !IsConfigured(sqlite))
        {
            using var command = Pragma(sqlite);
            command.ExecuteNonQuery();
            Remember(sqlite);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite && !IsConfigured(sqlite))
        {
            await using var command = Pragma(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(sqlite);
        }
    }

    /// <summary>The open connection's settings are about to change: the next open sets them again.</summary>
    internal static void Forget(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            Configured.Remove(handle);
        }
    }

    /// <summary>The open connection is at busy_timeout and FULL again.</summary>
    internal static void Remember(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            Configured.AddOrUpdate(handle, Marker);
        }
    }

    private static bool IsConfigured(SqliteConnection connection) => connection.Handle is { } handle && Configured.TryGetValue(handle, out _);

    private static SqliteCommand Pragma(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {connection.DefaultTimeout * 1000L}; PRAGMA synchronous = {SqliteSynchronous.Full};";
        return command;
    }
}

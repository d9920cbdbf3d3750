using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ManageBooking.Data;

/// <summary>
/// SQLite's <c>PRAGMA synchronous</c>, a setting of each connection: FULL (the log is synced at every commit) for every
/// connection as it is opened, NORMAL only inside a gated write, whose commit is synced by <see cref="ISqliteLogSync"/>.
/// </summary>
internal static class SqliteSynchronous
{
    public const string Full = "FULL";

    public const string Normal = "NORMAL";

    public static async Task SetAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        if (mode != Full)
        {
            SqliteBusyTimeout.Forget(connection);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous = {mode};";
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (mode == Full)
        {
            SqliteBusyTimeout.Remember(connection);
        }
    }

    /// <summary>Puts the connection back to FULL before it returns to the pool, and closes what the gate opened.</summary>
    public static async Task RestoreAndCloseAsync(DatabaseFacade database)
    {
        try
        {
            if (database.GetDbConnection() is SqliteConnection { State: System.Data.ConnectionState.Open } connection)
            {
                await SetAsync(connection, Full, CancellationToken.None);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>The database file a connection names (empty for a temporary or in-memory database, which has no log on disk).</summary>
    public static string DatabasePath(DbConnection connection)
    {
        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        return dataSource.Length == 0 || dataSource == ":memory:" ? "" : Path.GetFullPath(dataSource);
    }
}

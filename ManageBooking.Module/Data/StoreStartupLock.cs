using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ManageBooking.Data;

/// <summary>
/// One lock for the whole database, held while a node migrates and seeds, so that nodes starting at the same moment
/// take turns: the first does the work, the others find it done. PostgreSQL: a session advisory lock on a connection of
/// its own (the server frees it if the node dies). SQLite: an exclusive lock on a file beside the database (the
/// operating system frees it if the process dies); SQLite's own write lock cannot be held across EF's migrations, which
/// open transactions of their own, so seeding takes it separately, in one IMMEDIATE transaction.
/// </summary>
public static class StoreStartupLock
{
    /// <summary>Any constant will do: advisory locks are per database, and nothing else in it uses this one.</summary>
    private const long PostgresKey = 0x4D42_5354_4152_5431; // "MBSTART1"

    public static async Task<IAsyncDisposable> AcquireAsync(ManageBookingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The store has no connection string.");
        return db.Database.IsNpgsql()
            ? await PostgresLock.AcquireAsync(connectionString, cancellationToken)
            : await FileLock.AcquireAsync(new SqliteConnectionStringBuilder(connectionString).DataSource + ".startup-lock", cancellationToken);
    }

    private sealed class PostgresLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public static async Task<PostgresLock> AcquireAsync(string connectionString, CancellationToken cancellationToken)
        {
            // A connection outside the pool, so closing it ends the session and with it the lock, whatever happened.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            try
            {
                await connection.OpenAsync(cancellationToken);

                // No timeout: another node may take minutes over a long migration, and waiting for it is the point.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
                command.Parameters.AddWithValue("key", PostgresKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return new PostgresLock(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private sealed class FileLock(FileStream file) : IAsyncDisposable
    {
        public static async Task<FileLock> AcquireAsync(string path, CancellationToken cancellationToken)
        {
            while (true)
            {
                try
                {
                    return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (IOException)
                {
                    // Another process holds it; there is no blocking wait for a file lock in .NET, so look again shortly.
                    await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
                }
            }
        }

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}

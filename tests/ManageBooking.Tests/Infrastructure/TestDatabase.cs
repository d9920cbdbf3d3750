using ManageBooking.Options;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>A database of its own for one test: a SQLite file in a temporary folder, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Names the PostgreSQL server the test command started; the PostgreSQL suites fail without it.</summary>
    public const string PostgresVariable = "MANAGEBOOKING_TEST_POSTGRES";

    private readonly Func<ValueTask> _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider)
        => provider == DatabaseProvider.Postgres ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    public ValueTask DisposeAsync() => _drop();

    /// <summary>A context on this database outside any site, for migration tests.</summary>
    public ManageBooking.Data.ManageBookingDbContext CreateContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<ManageBooking.Data.ManageBookingDbContext>();
        options.AddInterceptors(interceptors);
        if (Provider == DatabaseProvider.Postgres)
        {
            Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions.UseNpgsql(options, ConnectionString);
        }
        else
        {
            Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions.UseSqlite(options, ConnectionString);
        }

        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        return new ManageBooking.Data.ManageBookingDbContext(options.Options);
    }

    /// <summary>
    /// A copy of this database as a thief or a backup would take it: SQLite's file written whole (VACUUM INTO), or a
    /// PostgreSQL database made from this one as its template (sessions still open on this one are ended first).
    /// </summary>
    public async Task<TestDatabase> CopyAsync()
    {
        var copy = await CreateAsync(Provider);
        if (Provider == DatabaseProvider.Sqlite)
        {
            var target = new SqliteConnectionStringBuilder(copy.ConnectionString).DataSource;
            File.Delete(target);
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            await vacuum.ExecuteNonQueryAsync();
            return copy;
        }

        var source = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        var name = new NpgsqlConnectionStringBuilder(copy.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        await admin.OpenAsync();
        await using (var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @source AND pid <> pg_backend_pid()", admin))
        {
            end.Parameters.AddWithValue("source", source!);
            await end.ExecuteNonQueryAsync();
        }

        await using (var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\"", admin))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        return copy;
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("managebooking-test-");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder.FullName, "managebooking.db"),
            DefaultTimeout = 30,
        }.ToString();
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    private static Task<TestDatabase> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the README's test command (./test.sh), which starts a PostgreSQL server for the suite.");
        }

        return CreatePostgresAsync(server);
    }

    /// <summary>A fresh database on the given server (a test's own server, when the test stops it).</summary>
    public static async Task<TestDatabase> CreatePostgresAsync(string server)
    {
        var name = "mb_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}

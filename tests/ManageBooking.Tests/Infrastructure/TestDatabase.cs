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
    public ManageBooking.Data.ManageBookingDbContext CreateContext()
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<ManageBooking.Data.ManageBookingDbContext>();
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

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the README's test command (./test.sh), which starts a PostgreSQL server for the suite.");
        }

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

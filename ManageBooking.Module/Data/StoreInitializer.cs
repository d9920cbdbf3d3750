using ManageBooking.BookingPages.Services.Demo;
using ManageBooking.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageBooking.Data;

/// <summary>
/// Brings the store up to date at start-up: migrations, SQLite's journal mode, the seeded rows and the first key of the
/// shared Data Protection ring, all under one lock for the whole database. Nodes that start at the same moment take
/// turns; a node that finds the work done goes on. Every seeded row also has a natural unique key, so even a seeder
/// run outside the lock could not insert it twice.
/// </summary>
public static class StoreInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
        CreateSqliteFolder(db);
        await using (await StoreStartupLock.AcquireAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while the one writer holds the lock; the mode is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await SeedAsync(scope.ServiceProvider, db, cancellationToken);

            // The ring is sealed with the current link key before anything reads it; the first key is made here, under
            // the lock, so that nodes starting together share one key instead of each making its own.
            await Security.DataProtectionKeyResealer.ResealAsync(
                db,
                scope.ServiceProvider.GetRequiredService<Security.DataProtectionKeySeal>(),
                scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Security.DataProtectionKeyResealer)),
                cancellationToken);
            scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("ManageBooking.Startup").Protect([0]);
        }
    }

    /// <summary>All seeding in one transaction (on SQLite an IMMEDIATE one, its write lock): all of it or none.</summary>
    private static async Task SeedAsync(IServiceProvider services, ManageBookingDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var seeder in services.GetServices<IStoreSeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }

        if (services.GetRequiredService<IOptions<ManageBookingOptions>>().Value.SeedDemoData)
        {
            await services.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void CreateSqliteFolder(ManageBookingDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ManageBooking.Models.Outbox;
using ManageBooking.Workflows.Notifications;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Data;

/// <summary>
/// Three site processes started at the same moment on one fresh database, as an orchestrator starts replicas: every
/// node answers, each migration is applied once, each seeded row exists once, and a booking's emails go out once each.
/// </summary>
public abstract class SimultaneousStartTests(DatabaseProvider provider) : IAsyncLifetime, IDisposable
{
    private const int Nodes = 3;
    private const string AdminEmail = "owner@example.test";

    /// <summary>
    /// Bounds a hung start or send only, never the assertion: three processes starting (JIT, migrations taking turns
    /// under the lock) on a loaded two-core machine have taken over a minute.
    /// </summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SmtpSink _smtp = new();
    private TestDatabase _database = null!;
    private SiteProcess[] _nodes = [];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    public void Dispose()
    {
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ThreeNodesStartingAtOnce_AllAnswer_MigrateAndSeedOnce_AndSendEachEmailOnce()
    {
        await StartNodesAtOnceAsync();

        foreach (var node in _nodes)
        {
            using var client = new HttpClient { BaseAddress = node.Address };
            var pages = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/booking-pages", UriKind.Relative), Json);
            Assert.Equal(4, pages.GetArrayLength());
        }

        await using (var db = _database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
            foreach (var migration in migrations)
            {
                var applied = _nodes.Sum(n => n.Output.Count(line => line.Contains($"Applying migration '{migration}'", StringComparison.Ordinal)));
                Assert.True(applied == 1, $"{migration} was applied {applied} times");
            }

            Assert.Equal(
                DefaultNotificationRules.Create().Select(r => r.Name).Order(StringComparer.Ordinal),
                (await db.NotificationRules.Select(r => r.Name).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(
                Permissions.DefaultRoles.Keys.Order(StringComparer.Ordinal),
                (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.Equal(Permissions.DefaultRoles.Values.Sum(p => p.Count), await db.RoleClaims.CountAsync());
            Assert.Equal(AdminEmail, Assert.Single(await db.Users.Select(u => u.Email).ToListAsync()));
            Assert.Equal(1, await db.UserRoles.CountAsync());
            Assert.Equal(4, await db.BookingPages.CountAsync());
            Assert.Equal(2, await db.Calendars.CountAsync());
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }

        await DemoBooking.BookAsync(_nodes[1].Address, "Ada Lovelace", "ada@example.com");
        Assert.True(await Eventually.ReachedAsync(AllSentAsync, Deadline), "the outbox did not send the booking's emails");
        var messages = _smtp.Messages();
        Assert.Equal(3, messages.Count);
        foreach (var recipient in new[] { "ada@example.com", "alex@example.com", "assistant@example.com" })
        {
            Assert.Single(_smtp.MessagesTo(recipient));
        }
    }

    [Fact]
    public async Task MigrateOnly_MigratesAndSeedsThenExits_AndANodeStartingAfterFindsTheWorkDone()
    {
        var logMigrations = new Dictionary<string, string> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations"] = "Information" };

        var (exitCode, output) = await SiteProcess.MigrateOnlyAsync(provider, _database.ConnectionString, logMigrations);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
        await using (var db = _database.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(DefaultNotificationRules.Create().Count, await db.NotificationRules.CountAsync());
        }

        _nodes = [await SiteProcess.StartAsync(provider, _database.ConnectionString, Deadline, logMigrations)];
        Assert.DoesNotContain(_nodes[0].Output, line => line.Contains("Applying migration", StringComparison.Ordinal));
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(DefaultNotificationRules.Create().Count, await db.NotificationRules.CountAsync());
        }
    }

    private async Task StartNodesAtOnceAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["ManageBooking:SeedDemoData"] = "true",
            ["ManageBooking:Admin:Email"] = AdminEmail,
            ["ManageBooking:Admin:Password"] = "three nodes, one owner",
            ["ManageBooking:Email:Smtp:Host"] = "127.0.0.1",
            ["ManageBooking:Email:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["ManageBooking:Email:Smtp:EnableSsl"] = "false",
            ["ManageBooking:Outbox:PollSeconds"] = "1",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations"] = "Information",
        };
        var starting = Enumerable.Range(0, Nodes)
            .Select(_ => SiteProcess.StartAsync(provider, _database.ConnectionString, Deadline, settings))
            .ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            _nodes = [.. starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result)];
        }
    }

    private async Task<bool> AllSentAsync()
    {
        await using var db = _database.CreateContext();
        var now = DateTime.UtcNow;
        var statuses = await db.OutboxMessages.Where(m => m.DueUtc <= now).Select(m => m.Status).ToListAsync();
        return statuses.Count > 0 && statuses.All(s => s == OutboxStatus.Sent);
    }
}

public sealed class SqliteSimultaneousStartTests() : SimultaneousStartTests(DatabaseProvider.Sqlite);

public sealed class PostgresSimultaneousStartTests() : SimultaneousStartTests(DatabaseProvider.Postgres);

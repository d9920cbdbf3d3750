using System.Net;
using System.Net.Http.Json;
using System.Text;
using ManageBooking.Data;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace ManageBooking.Tests.Data;

/// <summary>
/// SQLite writes commit without waiting for the disk and the next writer takes its turn at once, but no answer is given
/// before a sync of the log that follows its commit: as durable as synchronous=FULL, without the flush inside the one
/// writer's turn.
/// </summary>
public sealed class WriteDurabilityTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Bookings = "/api/booking-pages/30-minute-meeting/bookings";
    private const string AtTen = """{"name":"Ada Lovelace","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-10T10:00:00-04:00"]}""";
    private const string AtEleven = """{"name":"Grace Hopper","email":"grace@example.com","timeZone":"Europe/London","starts":["2026-03-10T11:00:00-04:00"]}""";

    private readonly HeldLogSync _sync = new();

    [Fact]
    public async Task ABookingAnswersOnlyAfterTheLogIsSynced_WhileTheNextWriterCommitsMeanwhile()
    {
        await using var site = WithHeldSync();
        using var client = site.CreateClient();

        var first = PostAsync(client, Bookings, AtTen);
        await _sync.CalledAsync(1);

        // Committed (another request reads it) but not answered: its sync is pending.
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.False(first.IsCompleted);

        // The writer's turn was given back at the commit: a second booking commits while the first waits for the disk.
        var second = PostAsync(client, Bookings, AtEleven);
        await _sync.CalledAsync(2);
        Assert.Equal(2, await App.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        _sync.Release();
        Assert.Equal(HttpStatusCode.Created, (await first.WaitAsync(HeldLogSync.Deadline)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.WaitAsync(HeldLogSync.Deadline)).StatusCode);
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKey_IsNotAnsweredBeforeTheFirstRequestsWriteIsSynced()
    {
        await using var site = WithHeldSync();
        using var client = site.CreateClient();

        var first = PostAsync(client, Bookings, AtTen, "key-1");
        await _sync.CalledAsync(1);
        var retry = PostAsync(client, Bookings, AtTen, "key-1");
        await _sync.CalledAsync(2);

        Assert.False(first.IsCompleted);
        Assert.False(retry.IsCompleted);
        _sync.Release();
        using var firstAnswer = await first.WaitAsync(HeldLogSync.Deadline);
        using var retryAnswer = await retry.WaitAsync(HeldLogSync.Deadline);
        Assert.Equal(HttpStatusCode.Created, retryAnswer.StatusCode);
        Assert.Equal(await firstAnswer.Content.ReadAsStringAsync(), await retryAnswer.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task NoEmailGoesOutBeforeTheBookingItTellsOfIsOnDisk()
    {
        await using var site = WithHeldSync();
        using var client = site.CreateClient();
        var booking = PostAsync(client, Bookings, AtTen);
        await _sync.CalledAsync(1);
        Assert.NotEqual(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync()));

        // The dispatcher sees the booking's messages, but its claim is a write like the booking's: answered once synced,
        // and that sync is the one that puts the booking on disk.
        var dispatch = site.Services.GetRequiredService<ManageBooking.Workflows.Outbox.OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        await _sync.CalledAsync(2);
        Assert.False(dispatch.IsCompleted);
        Assert.Empty(Directory.GetFiles(App.MailFolder));

        _sync.Release();
        Assert.Equal(HttpStatusCode.Created, (await booking.WaitAsync(HeldLogSync.Deadline)).StatusCode);
        Assert.NotEqual(0, await dispatch.WaitAsync(HeldLogSync.Deadline));
        Assert.NotEmpty(Directory.GetFiles(App.MailFolder));
    }

    [Fact]
    public async Task OnlyAGatedWriteCommitsWithoutSyncing_EveryOtherConnectionSyncsAtEachCommit()
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
        var gate = scope.ServiceProvider.GetRequiredService<SqliteWriteGate>();

        Assert.Equal(2, await SynchronousAsync(db));
        await using (var transaction = await gate.BeginTransactionAsync(db.Database, CancellationToken.None))
        {
            Assert.Equal(1, await SynchronousAsync(db));
            await transaction.CommitAsync();
        }

        Assert.Equal(2, await SynchronousAsync(db));
        await using var other = App.CreateScope();
        Assert.Equal(2, await SynchronousAsync(other.ServiceProvider.GetRequiredService<ManageBookingDbContext>()));
    }

    [Fact]
    public async Task ASyncThatFails_RefusesTheWritesWaitingForIt_AndTheNextSyncStillRuns()
    {
        var folder = Directory.CreateTempSubdirectory("managebooking-sync-");
        try
        {
            var sync = new SqliteLogSync(NullLogger<SqliteLogSync>.Instance);
            var broken = Path.Combine(folder.FullName, "broken.db");
            Directory.CreateDirectory(broken + "-wal");
            var healthy = Path.Combine(folder.FullName, "healthy.db");
            await File.WriteAllBytesAsync(healthy + "-wal", [1, 2, 3]);

            await Assert.ThrowsAnyAsync<Exception>(() => sync.SyncAsync(broken, CancellationToken.None));
            await sync.SyncAsync(healthy, CancellationToken.None).WaitAsync(HeldLogSync.Deadline);

            // No log on disk: the last connection checkpointed it into the database file, which SQLite synced.
            await sync.SyncAsync(Path.Combine(folder.FullName, "closed.db"), CancellationToken.None).WaitAsync(HeldLogSync.Deadline);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private WebApplicationFactory<Program> WithHeldSync()
        => App.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<ISqliteLogSync>(_sync))));

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", $"\"{key}\"");
        }

        return client.SendAsync(request);
    }

    private static async Task<int> SynchronousAsync(ManageBookingDbContext db)
        => (await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()).Single();
}

using System.Diagnostics;
using System.Globalization;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ManageBooking.Tests.Notifications;

/// <summary>
/// Two site processes on one database, each with the outbox's shipped lease: node A claims a message and stalls in the
/// middle of sending it (its SMTP server takes the message in and never answers), renewing its lease meanwhile so node B
/// leaves that message alone; A is then killed (SIGKILL, as a crashed node ends) and B sends the message, once, within
/// 15 seconds.
/// </summary>
public abstract class DispatcherTakeoverTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    /// <summary>What the issue promises an operator: a crashed node's message goes out from another within this.</summary>
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(15);

    /// <summary>Only bounds a hung test on a loaded machine; never the assertion.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private readonly SmtpSink _stalling = SmtpSink.Stalling();
    private readonly SmtpSink _smtp = new();
    private TestDatabase _database = null!;
    private SiteProcess? _nodeA;
    private SiteProcess? _nodeB;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        await _database.DisposeAsync();
    }

    public void Dispose()
    {
        _stalling.Dispose();
        _smtp.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ANodeKilledMidSend_ItsMessageIsSentByAnotherNodeWithinFifteenSeconds_Once()
    {
        // A's send waits for its server as long as this test may take (however loaded the machine), so A still holds
        // the message when it is killed, instead of giving up on its own.
        var nodeA = Settings(_stalling);
        nodeA["ManageBooking:Email:Smtp:TimeoutSeconds"] = "3600";
        _nodeA = await SiteProcess.StartAsync(provider, _database.ConnectionString, Deadline, nodeA);
        await DemoBooking.BookAsync(_nodeA.Address, "Ada Lovelace", "ada@example.com");
        Assert.True(
            await Eventually.ReachedAsync(() => Task.FromResult(_stalling.Messages().Count == 1), Deadline),
            "node A never reached its SMTP server");
        var recipient = Assert.Single(_stalling.Messages()[0].GetProperty("to").EnumerateArray()).GetString()!;
        var claimed = await LeasedAsync();
        Assert.Contains($"/{_nodeA.ProcessId.ToString(CultureInfo.InvariantCulture)}/", claimed.LeaseOwner, StringComparison.Ordinal);

        // B comes up while A is stuck: it sends the booking's other messages, never the one A holds, because A keeps
        // pushing that lease further while it waits for its SMTP server's answer.
        _nodeB = await SiteProcess.StartAsync(provider, _database.ConnectionString, Deadline, Settings(_smtp));
        Assert.True(
            await Eventually.ReachedAsync(
                async () => await MessageAsync(claimed.Id) is var m && m.LeaseOwner == claimed.LeaseOwner && m.LeaseUntilUtc > claimed.LeaseUntilUtc,
                Deadline),
            "node A did not renew its lease while it was sending");
        Assert.True(
            await Eventually.ReachedAsync(() => Task.FromResult(_smtp.Messages().Count == 2), Deadline),
            "node B did not send the messages node A had not claimed");
        var held = await MessageAsync(claimed.Id);
        Assert.Equal((claimed.Id, OutboxStatus.Pending, claimed.LeaseOwner), (held.Id, held.Status, held.LeaseOwner));
        Assert.Empty(_smtp.MessagesTo(recipient));

        var sinceKill = Stopwatch.StartNew();
        await _nodeA.KillAsync();
        var sent = await Eventually.ReachedAsync(() => Task.FromResult(_smtp.MessagesTo(recipient).Count > 0), Takeover);
        Assert.True(sent, $"node B had not sent the killed node's message {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill");
        output.WriteLine($"node B sent the killed node's message {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill");

        Assert.True(
            await Eventually.ReachedAsync(async () => (await MessageAsync(claimed.Id)).Status == OutboxStatus.Sent, Deadline),
            "node B sent the message but did not record it");
        var record = await MessageAsync(claimed.Id);
        Assert.Equal((1, (string?)null), (record.Attempts, record.LeaseOwner));
        Assert.Single(_smtp.MessagesTo(recipient));
        Assert.Equal(3, _smtp.Messages().Count);
        Assert.Single(_stalling.Messages());
    }

    private static Dictionary<string, string> Settings(SmtpSink smtp) => new()
    {
        ["ManageBooking:SeedDemoData"] = "true",
        ["ManageBooking:Email:Smtp:Host"] = "127.0.0.1",
        ["ManageBooking:Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["ManageBooking:Email:Smtp:EnableSsl"] = "false",
        ["ManageBooking:Outbox:PollSeconds"] = "1",
    };

    /// <summary>The one message under a lease while node A runs alone: the one it is stuck sending.</summary>
    private async Task<OutboxMessage> LeasedAsync()
    {
        await using var db = _database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.LeaseOwner != null);
    }

    private async Task<OutboxMessage> MessageAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

public sealed class SqliteDispatcherTakeoverTests(ITestOutputHelper output) : DispatcherTakeoverTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresDispatcherTakeoverTests(ITestOutputHelper output) : DispatcherTakeoverTests(DatabaseProvider.Postgres, output);

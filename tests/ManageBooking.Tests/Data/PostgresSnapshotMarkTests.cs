using ManageBooking.Data;
using ManageBooking.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ManageBooking.Tests.Data;

/// <summary>
/// PostgreSQL's change mark for kept pages: it holds while nothing is committed and changes with every commit, and the
/// requests that ask at once share reads. On a server of its own, since any other database's transactions change it too.
/// </summary>
public sealed class PostgresSnapshotMarkTests : IAsyncLifetime
{
    private PrivatePostgresServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivatePostgresServer.StartNewAsync();
        await ExecuteAsync("CREATE TABLE t (n int)");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ItHolds_WhileNothingIsCommitted()
    {
        await using var position = New();
        var reads = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            reads.Add(await position.ReadAsync(CancellationToken.None));
        }

        Assert.All(reads, r => Assert.NotNull(r));
        Assert.All(reads, r => Assert.Equal(reads[0], r));
    }

    [Fact]
    public async Task ItChanges_WithEveryCommit_MadeOnAnyConnection()
    {
        await using var position = New();
        var before = await position.ReadAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await ExecuteAsync($"INSERT INTO t VALUES ({i})");
            var after = await position.ReadAsync(CancellationToken.None);
            Assert.NotEqual(before, after);
            before = after;
        }
    }

    [Fact]
    public async Task ManyAskingAtOnce_AreAllAnswered_AfterACommitThatReturnedBeforeThey()
    {
        await using var position = New();
        var before = await position.ReadAsync(CancellationToken.None);
        await ExecuteAsync("INSERT INTO t VALUES (1)");

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => position.ReadAsync(CancellationToken.None).AsTask()));

        Assert.All(answers, a => Assert.NotEqual(before, a));
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task AStoppedServer_AnswersNull_AndAServerBack_AnswersAgain()
    {
        await using var position = New();
        Assert.NotNull(await position.ReadAsync(CancellationToken.None));

        await _server.StopAsync();
        Assert.Null(await position.ReadAsync(CancellationToken.None));

        await _server.StartAsync();
        Assert.NotNull(await position.ReadAsync(CancellationToken.None));
    }

    private PostgresSnapshotMark New() => new(_server.ConnectionString, NullLogger<PostgresSnapshotMark>.Instance);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

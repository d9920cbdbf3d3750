using System.Net;
using System.Text.Json;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ManageBooking.Tests.Operations;

/// <summary>/health/live and /health/ready as a load balancer polls them, while the database goes away and comes back.</summary>
public sealed class SqliteHealthTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Ready_NamesEachCheck_AndLiveRunsNone()
    {
        var (status, body) = await HealthProbe.GetAsync(Client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("outbox-dispatcher").GetString());

        var (liveStatus, live) = await HealthProbe.GetAsync(Client, "/health/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_TurnsUnhealthy_WhenTheDatabaseFileIsUnreadable_AndHealthyAfter()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(Client, "/health/ready")).Status);
        var file = new SqliteConnectionStringBuilder(App.Database.ConnectionString).DataSource;

        // Root reads any file whatever its mode, so the file is made unreadable as a database: its header is overwritten,
        // once the write-ahead log is folded into it (a reader would take page 1 from the log otherwise).
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(App.Database.ConnectionString) { Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var header = new byte[16];
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            await stream.ReadExactlyAsync(header);
            stream.Position = 0;
            await stream.WriteAsync(new byte[header.Length]);
        }

        var down = await HealthProbe.UntilAsync(Client, HttpStatusCode.ServiceUnavailable, Deadline);
        Assert.Equal("Unhealthy", down.Body.GetProperty("checks").GetProperty("store").GetString());
        Assert.DoesNotContain(file, down.Body.ToString(), StringComparison.Ordinal); // a public probe tells no paths
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(Client, "/health/live")).Status);

        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            await stream.WriteAsync(header);
        }

        await HealthProbe.UntilAsync(Client, HttpStatusCode.OK, Deadline);
    }

    [Fact]
    public async Task Ready_IsUnhealthy_WhenTheDatabaseFileIsGone()
    {
        var file = new SqliteConnectionStringBuilder(App.Database.ConnectionString).DataSource;
        File.Move(file, file + ".away");
        try
        {
            var (status, _) = await HealthProbe.GetAsync(Client, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.False(File.Exists(file)); // the probe never creates an empty database in its place
        }
        finally
        {
            File.Move(file + ".away", file);
        }

        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(Client, "/health/ready")).Status);
    }
}

/// <summary>PostgreSQL stopped and started again under a running site: a server of the test's own.</summary>
public sealed class PostgresHealthTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private PrivatePostgresServer _server = null!;
    private TestDatabase _database = null!;
    private ManageBookingApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivatePostgresServer.StartNewAsync();
        _database = await TestDatabase.CreatePostgresAsync(_server.ConnectionString);
        _app = new ManageBookingApp(_database, new FakeClock());
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Ready_TurnsUnhealthy_WhenPostgresStops_AndHealthyWhenItIsBack()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(_client, "/health/ready")).Status);

        await _server.StopAsync();
        var down = await HealthProbe.UntilAsync(_client, HttpStatusCode.ServiceUnavailable, Deadline);
        Assert.Equal("Unhealthy", down.Body.GetProperty("checks").GetProperty("store").GetString());
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.GetAsync(_client, "/health/live")).Status);

        await _server.StartAsync();
        await HealthProbe.UntilAsync(_client, HttpStatusCode.OK, Deadline);
    }
}

internal static class HealthProbe
{
    /// <summary>Polls /health/ready until it answers <paramref name="status"/>; fails at the deadline.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> UntilAsync(HttpClient client, HttpStatusCode status, TimeSpan deadline)
    {
        (HttpStatusCode Status, JsonElement Body) last = default;
        var reached = await Eventually.ReachedAsync(async () => (last = await GetAsync(client, "/health/ready")).Status == status, deadline);
        Assert.True(reached, $"/health/ready did not answer {status} within {deadline}; it last answered {last.Status}: {last.Body}");
        return last;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text));
    }
}

using System.Net;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ManageBooking.Tests.Security;

/// <summary>A copy of the database alone, on a site with another link key, opens no manage link.</summary>
public sealed class StolenDatabaseTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ManageBooking:LinkKeys:0"] = _ownKey };

    private readonly string _ownKey = TestLinkKeys.NewKey();

    [Fact]
    public async Task TheDatabaseFileOnAFreshSiteWithAnotherKey_OpensNoLink()
    {
        var (_, single) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var (_, package) = await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        await using var copy = await CopyDatabaseAsync();

        await using var thief = new ManageBookingApp(copy, Clock, new Dictionary<string, string?> { ["ManageBooking:LinkKeys:0"] = TestLinkKeys.NewKey() });
        using var thiefClient = thief.CreateClient();
        await using var owner = new ManageBookingApp(copy, Clock, Settings);
        using var ownerClient = owner.CreateClient();

        foreach (var token in new[] { single, package })
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(thiefClient, $"/booking/manage/{token}"));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(thiefClient, $"/api/manage/{token}"));

            // The copy itself is whole: with the site's own key the same links open it.
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(ownerClient, $"/booking/manage/{token}"));
        }
    }

    private async Task<TestDatabase> CopyDatabaseAsync()
    {
        var copy = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var source = new SqliteConnectionStringBuilder(App.Database.ConnectionString).DataSource;
        var target = new SqliteConnectionStringBuilder(copy.ConnectionString).DataSource;

        // What a thief copies: the file, after the write-ahead log was folded into it.
        await using (var connection = new SqliteConnection(App.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        File.Copy(source, target);
        return copy;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }
}

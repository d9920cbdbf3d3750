using ManageBooking.Options;
using ManageBooking.Security;
using ManageBooking.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ManageBooking.Tests.Security;

/// <summary>Where link keys come from: configuration, or the key file a single SQLite site makes for itself.</summary>
public sealed class LinkKeyRingTests : IDisposable
{
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("managebooking-keys-");

    public void Dispose() => _contentRoot.Delete(recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void NoConfiguredKey_OnSqlite_CreatesAnOwnerOnlyKeyFileOnceAndReadsItAfterwards()
    {
        var first = LinkKeyRing.Load(new ManageBookingOptions(), _contentRoot.FullName, NullLogger.Instance);
        var second = LinkKeyRing.Load(new ManageBookingOptions(), _contentRoot.FullName, NullLogger.Instance);

        var path = Path.Combine(_contentRoot.FullName, "App_Data", "manage-link.key");
        Assert.Equal(path, first.Source);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(32, first.Current.Length);
        Assert.Equal(first.Current.ToArray(), second.Current.ToArray());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp")); // no temporary file left behind
    }

    [Fact]
    public async Task ManyProcessesStartingAtOnce_AllReadTheOneKeyThatWon()
    {
        // Many rounds, each in a site folder of its own: the race this guards against is lost only now and then.
        for (var round = 0; round < 25; round++)
        {
            var root = _contentRoot.CreateSubdirectory($"site-{round}").FullName;
            using var start = new Barrier(16);
            var rings = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return LinkKeyRing.Load(new ManageBookingOptions(), root, NullLogger.Instance);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default)));

            Assert.Single(rings.Select(r => Convert.ToBase64String(r.Current.Span)).Distinct());
        }
    }

    [Fact]
    public void ConfiguredKeys_ComeFirstAndInOrder_AndNoFileIsWritten()
    {
        var current = TestLinkKeys.NewKey();
        var older = TestLinkKeys.NewKey();

        var ring = LinkKeyRing.Load(new ManageBookingOptions { LinkKeys = [current, older] }, _contentRoot.FullName, NullLogger.Instance);

        Assert.Equal([current, older], ring.Keys.Select(k => Convert.ToBase64String(k.Span)));
        Assert.Equal("ManageBooking:LinkKeys", ring.Source);
        Assert.False(Directory.Exists(Path.Combine(_contentRoot.FullName, "App_Data")));
    }

    [Fact]
    public void Postgres_WithoutAConfiguredKey_RefusesToStartAndSaysWhatToSet()
    {
        var options = new ManageBookingOptions { Database = new DatabaseOptions { Provider = DatabaseProvider.Postgres } };

        var refused = Assert.Throws<InvalidOperationException>(() => LinkKeyRing.Load(options, _contentRoot.FullName, NullLogger.Instance));

        Assert.Contains("ManageBooking:LinkKeys:0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ManageBooking__LinkKeys__0", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_contentRoot.FullName, "App_Data")));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")] // five bytes
    [InlineData("   ")]
    public void AKeyThatIsNotAKey_IsRefusedByItsName(string text)
    {
        var options = new ManageBookingOptions { LinkKeys = [TestLinkKeys.NewKey(), text] };

        var refused = Assert.Throws<InvalidOperationException>(() => LinkKeyRing.Validate(options));

        Assert.Contains("ManageBooking:LinkKeys:1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeriveKey_IsStablePerPurposeAndDiffersBetweenPurposesAndFromTheLinkKey()
    {
        var key = TestLinkKeys.NewKey();
        var ring = LinkKeyRing.Load(new ManageBookingOptions { LinkKeys = [key] }, _contentRoot.FullName, NullLogger.Instance);
        var again = LinkKeyRing.Load(new ManageBookingOptions { LinkKeys = [key] }, _contentRoot.FullName, NullLogger.Instance);

        Assert.Equal(ring.DeriveKey("DataProtection"), again.DeriveKey("DataProtection"));
        Assert.NotEqual(ring.DeriveKey("DataProtection"), ring.DeriveKey("Outbox"));
        Assert.NotEqual(ring.Current.ToArray(), ring.DeriveKey("DataProtection"));
    }
}

/// <summary>A PostgreSQL site (one of several nodes, maybe) without a configured link key does not start.</summary>
public sealed class PostgresSiteWithoutLinkKeyTests
{
    [Fact]
    public async Task Starting_FailsWithAMessageNamingTheKey()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new ManageBookingApp(database, TimeProvider.System, new Dictionary<string, string?> { ["ManageBooking:LinkKeys"] = null });

        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("ManageBooking:LinkKeys:0 is not set", refused.Message, StringComparison.Ordinal);
    }
}

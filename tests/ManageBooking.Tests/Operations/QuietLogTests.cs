using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.Operations;

/// <summary>
/// A site that is working logs no warnings of EF Core's about its own queries: an operator who sees one at every
/// dispatcher tick learns to ignore the log.
/// </summary>
public abstract class QuietLogTests(DatabaseProvider provider) : AppTestBase(provider)
{
    protected override LogSink? Logs { get; } = new();

    [Fact]
    public async Task BookingViewingAndSending_LogNoQueryWarnings()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        foreach (var url in new[] { "/book/30-minute-meeting", $"/booking/manage/{token}", $"/api/manage/{token}", "/api/booking-pages/30-minute-meeting/slots?from=2026-03-03&to=2026-03-10" })
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, url);
        }

        await App.DispatchAsync();

        Assert.DoesNotContain(Logs!.Lines, line => line.StartsWith("Microsoft.EntityFrameworkCore.Query [Warning]", StringComparison.Ordinal));
    }
}

public sealed class SqliteQuietLogTests() : QuietLogTests(DatabaseProvider.Sqlite);

public sealed class PostgresQuietLogTests() : QuietLogTests(DatabaseProvider.Postgres);

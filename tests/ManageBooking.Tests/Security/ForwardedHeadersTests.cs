using System.Net;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Security;

/// <summary>
/// The site on a real loopback socket behind a reverse proxy (the test plays the proxy, at 127.0.0.1): the client's
/// address and scheme come from X-Forwarded-For and X-Forwarded-Proto only when the proxy is a configured one.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string FirstClient = "203.0.113.7";
    private const string SecondClient = "198.51.100.9";

    private readonly FakeClock _clock = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoClientsBehindAKnownProxy_AreRateLimitedSeparately()
    {
        await using var site = Start("127.0.0.1");
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address(site) };

        var first = await GuessAsync(client, FirstClient, 4);
        var second = await GuessAsync(client, SecondClient, 1);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.NotFound], second);
    }

    [Fact]
    public async Task WithoutAConfiguredProxy_ForwardedHeadersAreIgnored()
    {
        await using var site = Start(proxies: null);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address(site) };

        await GuessAsync(client, FirstClient, 3);
        var second = await GuessAsync(client, SecondClient, 1);
        using var https = await GetAsync(client, "/book/30-minute-meeting", FirstClient, "https");

        Assert.Equal([HttpStatusCode.TooManyRequests], second); // a client cannot pick its own address
        Assert.False(https.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(https.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task HttpsAtTheProxy_GivesHstsAndSecureCookies()
    {
        await using var site = Start("127.0.0.0/8");
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address(site) };

        using var response = await GetAsync(client, "/book/30-minute-meeting", FirstClient, "https");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private ManageBookingApp Start(string? proxies)
    {
        var settings = new Dictionary<string, string?> { ["ManageBooking:RateLimit:ManageLinkRequestsPerMinute"] = "3" };
        if (proxies is not null)
        {
            settings["ManageBooking:Security:ForwardedHeaders"] = proxies;
        }

        var site = new ManageBookingApp(_database, _clock, settings);
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        return site;
    }

    private static Uri Address(ManageBookingApp site)
        => new(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    private static async Task<List<HttpStatusCode>> GuessAsync(HttpClient client, string clientAddress, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var response = await GetAsync(client, $"/booking/manage/{TestLinkKeys.UnknownToken()}", clientAddress, "http");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>What a reverse proxy sends on: the public host, the client's address and the scheme it was reached by.</summary>
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string clientAddress, string scheme)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "bookings.example.test";
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", scheme);
        return await client.SendAsync(request);
    }
}

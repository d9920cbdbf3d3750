using System.Net;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// Sign-in on a real socket behind a configured proxy (the test sends each client's address as the proxy would): the
/// same words and the same hashing work for unknown and known accounts, and back-off per address and per account.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class SignInGuardTests : IAsyncLifetime
{
    private const string Owner = "owner@example.test";
    private const string Attacker = "203.0.113.7";

    private readonly FakeClock _clock = new();
    private readonly CountingHasher _hasher = new();
    private TestDatabase _database = null!;
    private ManageBookingApp _site = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _site = new ManageBookingApp(_database, _clock, new Dictionary<string, string?> { ["ManageBooking:Security:ForwardedHeaders"] = "127.0.0.1" });
        _site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _site.StartServer();
        _address = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        await AdminSession.CreateUserAsync(_site, Owner, ManageBooking.Permissions.AdministratorRole);
        _hasher.Inner = _site.Services.CreateScope().ServiceProvider.GetRequiredService<IPasswordHasher<IdentityUser>>();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task UnknownAndKnownAccounts_GetTheSameWordsAndTheSameHashingWork()
    {
        await using var counted = _site.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<IdentityUser>>(_hasher)));
        using var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var before = _hasher.Verifications;
        var (knownStatus, knownWords) = await SignInAsync(client, Owner, "not the password at all", null);
        var afterKnown = _hasher.Verifications;
        var (unknownStatus, unknownWords) = await SignInAsync(client, "nobody@example.test", "not the password at all", null);

        Assert.Equal(HttpStatusCode.Unauthorized, knownStatus);
        Assert.Equal(knownStatus, unknownStatus);
        Assert.Equal("That email and password do not match.", knownWords);
        Assert.Equal(knownWords, unknownWords);
        Assert.Equal(1, afterKnown - before);
        Assert.Equal(1, _hasher.Verifications - afterKnown);
    }

    [Fact]
    public async Task AFailingAddress_WaitsAfterFiveFailures_WithTheSameWordsForUnknownAndKnownAccounts()
    {
        using var client = Client();
        for (var i = 0; i < SignInGuardPolicy.AddressFree; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, $"guess{i}@example.test", "wrong password", Attacker)).Status);
        }

        var unknown = await SignInAsync(client, "someone@example.test", "wrong password", Attacker);
        var known = await SignInAsync(client, Owner, AdminSession.Password, Attacker);
        var elsewhere = await SignInAsync(client, Owner, AdminSession.Password, "198.51.100.9");

        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.Status);
        Assert.Equal(unknown, known);
        Assert.Equal("Too many failed attempts. Try again in 1 seconds.", unknown.Words);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.Status); // the owner, from their own address, is not held up
    }

    [Fact]
    public async Task AnAnonymousClientHammeringTheOwner_KeepsThemOutForAMinuteAtMost()
    {
        using var client = Client();
        var attempts = 0;
        var start = _clock.GetUtcNow();
        while (_clock.GetUtcNow() - start < TimeSpan.FromHours(2))
        {
            var (status, _, retryAfter) = await SignInWithRetryAsync(client, Owner, "a wrong guess", Attacker);
            attempts += status == HttpStatusCode.Unauthorized ? 1 : 0;
            _clock.Advance(retryAfter ?? TimeSpan.Zero);
        }

        // The worst moment for the owner: right after the attacker's latest failure.
        HttpStatusCode last;
        do
        {
            TimeSpan? retryAfter;
            (last, _, retryAfter) = await SignInWithRetryAsync(client, Owner, "a wrong guess", Attacker);
            _clock.Advance(last == HttpStatusCode.TooManyRequests ? retryAfter!.Value : TimeSpan.Zero);
        }
        while (last != HttpStatusCode.Unauthorized);

        var (ownerStatus, _, wait) = await SignInWithRetryAsync(client, Owner, AdminSession.Password, "198.51.100.9");
        if (ownerStatus == HttpStatusCode.TooManyRequests)
        {
            Assert.True(wait <= TimeSpan.FromMinutes(1), $"the owner was asked to wait {wait}");
            _clock.Advance(wait!.Value);
            (ownerStatus, _, _) = await SignInWithRetryAsync(client, Owner, AdminSession.Password, "198.51.100.9");
        }

        Assert.Equal(HttpStatusCode.Redirect, ownerStatus);
        Assert.InRange(attempts, SignInGuardPolicy.AddressFree, 30); // two hours bought the attacker a handful of guesses
    }

    [Fact]
    public async Task ManyAddressesFailingOneAccount_HoldTheAccountBriefly_KnownOrNot()
    {
        using var client = Client();
        foreach (var email in new[] { Owner, "nobody@example.test" })
        {
            for (var i = 0; i < SignInGuardPolicy.AccountFree; i++)
            {
                await SignInAsync(client, email, "wrong password", $"198.18.{email.Length}.{i}");
            }
        }

        var known = await SignInAsync(client, Owner, AdminSession.Password, "192.0.2.1");
        var unknown = await SignInAsync(client, "nobody@example.test", "wrong password", "192.0.2.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, known.Status);
        Assert.Equal(known, unknown);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, Owner, AdminSession.Password, "192.0.2.1")).Status);
    }

    private HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _address };

    private static async Task<(HttpStatusCode Status, string Words)> SignInAsync(HttpClient client, string email, string password, string? from)
    {
        var (status, words, _) = await SignInWithRetryAsync(client, email, password, from);
        return (status, words);
    }

    private static async Task<(HttpStatusCode Status, string Words, TimeSpan? RetryAfter)> SignInWithRetryAsync(HttpClient client, string email, string password, string? from)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/login", UriKind.Relative));
        if (from is not null)
        {
            page.Headers.Add("X-Forwarded-For", from);
        }

        using var form = await client.SendAsync(page);
        var document = await HtmlPage.ParseAsync(form);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]),
        };
        if (from is not null)
        {
            post.Headers.Add("X-Forwarded-For", from);
        }

        using var response = await client.SendAsync(post);
        var words = response.StatusCode == HttpStatusCode.Redirect ? "" : (await HtmlPage.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent.Trim() ?? "";
        return (response.StatusCode, words, response.Headers.RetryAfter?.Delta);
    }

    /// <summary>The policy's numbers, as the README states them.</summary>
    private static class SignInGuardPolicy
    {
        public const int AddressFree = ManageBooking.Admin.Services.SignInGuard.AddressFreeFailures;
        public const int AccountFree = ManageBooking.Admin.Services.SignInGuard.AccountFreeFailures;
    }

    /// <summary>Counts password-hash checks, the work that made unknown accounts answer faster.</summary>
    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private int _verifications;

        public IPasswordHasher<IdentityUser> Inner { get; set; } = new PasswordHasher<IdentityUser>();

        public int Verifications => _verifications;

        public string HashPassword(IdentityUser user, string password) => Inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

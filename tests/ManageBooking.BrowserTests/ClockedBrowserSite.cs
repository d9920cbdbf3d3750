using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>
/// The real site on a loopback port (Kestrel, SQLite in a temporary folder, demo data) hosted in the test process so
/// that its clock is the test's: Chromium sees the admin on a day the test chooses, such as a Sunday.
/// </summary>
#pragma warning disable CA1001 // The factory is disposed in DisposeAsync, which xunit calls on every IAsyncLifetime fixture.
public sealed class ClockedBrowserSite : IAsyncLifetime
#pragma warning restore CA1001
{
    /// <summary>Sunday 8 March 2026, 15:00 UTC: 11:00 in New York, on the day it moved to summer time.</summary>
    public static readonly DateTimeOffset Sunday = new(2026, 3, 8, 15, 0, 0, TimeSpan.Zero);

    private const string OwnerEmail = "owner@example.test";
    private const string OwnerPassword = "browser test password";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("managebooking-clocked-");
    private Factory? _factory;
    private IPlaywright? _playwright;

    public FakeClock Clock { get; } = new(Sunday);

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _factory = new Factory(Clock, new Dictionary<string, string>
        {
            ["ManageBooking:Database:Provider"] = "Sqlite",
            ["ConnectionStrings:ManageBooking"] = $"Data Source={Path.Combine(_folder.FullName, "site.db")};Default Timeout=30",
            ["ManageBooking:BaseUrl"] = Address.ToString(),
            ["ManageBooking:SeedDemoData"] = "true",
            ["ManageBooking:Email:PickupDirectory"] = Path.Combine(_folder.FullName, "mail"),
            ["ManageBooking:Outbox:DispatcherEnabled"] = "false",
            ["ManageBooking:LinkKeys:0"] = TestLinkKeys.Shared,
            ["ManageBooking:Admin:Email"] = OwnerEmail,
            ["ManageBooking:Admin:Password"] = OwnerPassword,
        });
        _factory.UseKestrel(port);
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserSite.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    public Task SignInAsOwnerAsync(IPage page) => BrowserSite.SignInAsync(page, Address, OwnerEmail, OwnerPassword);

    /// <summary>Books through the public API at the given starts (ISO 8601 with offset) and returns the reference.</summary>
    public async Task<string> BookAsync(string slug, string name, params string[] starts)
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var response = await http.PostAsJsonAsync($"api/booking-pages/{slug}/bookings", new { name, email = "customer@example.com", timeZone = "America/New_York", starts });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("reference").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(TimeProvider clock, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}

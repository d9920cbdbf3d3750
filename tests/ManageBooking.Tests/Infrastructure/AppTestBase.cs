using System.Net.Http.Json;
using System.Text.Json;
using ManageBooking.Options;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>Gives each test its own database, clock and running site, on the provider the concrete class names.</summary>
public abstract class AppTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected FakeClock Clock { get; } = new();

    protected ManageBookingApp App { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Set to capture every log line of the site.</summary>
    protected virtual LogSink? Logs => null;

    /// <summary>The clock the site runs on; tests that share a database with another process use the real one.</summary>
    protected virtual TimeProvider AppClock => Clock;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        App = new ManageBookingApp(database, AppClock, Settings, Logs);
        Client = App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }

    protected async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    /// <summary>The free starts of a page on one date, as the API writes them, in the page's zone.</summary>
    protected async Task<IReadOnlyList<string>> FreeStartsAsync(string slug, string date, string timeZone = "America/New_York")
    {
        var slots = await GetJsonAsync($"/api/booking-pages/{slug}/slots?from={date}&to={date}&timeZone={timeZone}");
        return [.. slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!)];
    }

    /// <summary>Books through the API and returns the booking and its manage token.</summary>
    protected async Task<(JsonElement Booking, string Token)> BookWithTokenAsync(string slug, params string[] starts)
    {
        using var response = await BookAsync(slug, starts);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"booking answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var url = booking.GetProperty("manageUrl").GetString()!;
        return (booking, url[(url.LastIndexOf('/') + 1)..]);
    }

    protected Task<HttpResponseMessage> BookAsync(string slug, params string[] starts)
        => Client.PostAsJsonAsync(
            new Uri($"/api/booking-pages/{slug}/bookings", UriKind.Relative),
            new { name = "Ada Lovelace", email = "ada@example.com", timeZone = "Europe/London", starts, answers = RequiredDemoAnswers(slug) },
            Json);

    /// <summary>The answers a demo page requires: the marketing call asks about the customer's plans.</summary>
    protected static Dictionary<string, object>? RequiredDemoAnswers(string slug)
        => slug == "marketing-call" ? new Dictionary<string, object> { ["plans"] = "A spring launch of our new bakery." } : null;
}

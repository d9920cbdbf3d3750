using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>Books the demo site's 30-minute meeting through the JSON API of a running site, at its first free slot.</summary>
public static class DemoBooking
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task BookAsync(Uri site, string name, string email)
    {
        using var client = new HttpClient { BaseAddress = site };
        var from = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slots = await client.GetFromJsonAsync<JsonElement>(
            new Uri($"/api/booking-pages/30-minute-meeting/slots?timeZone=UTC&from={from}&to={to}", UriKind.Relative), Json);
        var start = slots.GetProperty("slots")[0].GetProperty("start").GetString();
        using var response = await client.PostAsJsonAsync(
            new Uri("/api/booking-pages/30-minute-meeting/bookings", UriKind.Relative),
            new { name, email, timeZone = "UTC", starts = new[] { start } },
            Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

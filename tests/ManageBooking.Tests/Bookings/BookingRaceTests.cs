using System.Net;
using System.Net.Http.Json;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Bookings;

/// <summary>Many customers racing for one slot: exactly one wins, on SQLite and on PostgreSQL, within one process and across two.</summary>
public abstract class BookingRaceTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Meeting = "30-minute-meeting";
    private const int Racers = 24;

    // The second process runs on the real clock, so this site does too and the race picks a slot that is free now.
    protected override TimeProvider AppClock => TimeProvider.System;

    [Fact]
    public async Task RacingRequestsForOneSlot_InOneProcess_BookItExactlyOnce()
    {
        var start = await FirstFreeStartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => PostAsync(Client, start, i)));

        await AssertOneWinnerAsync(responses, start);
    }

    [Fact]
    public async Task RacingRequestsForOneSlot_AcrossTwoProcesses_BookItExactlyOnce()
    {
        var start = await FirstFreeStartAsync();
        await using var other = await SiteProcess.StartAsync(App.Database.Provider, App.Database.ConnectionString, TimeSpan.FromSeconds(60));
        using var otherClient = new HttpClient { BaseAddress = other.Address };

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers)
            .Select(i => PostAsync(i % 2 == 0 ? Client : otherClient, start, i)));

        await AssertOneWinnerAsync(responses, start);
    }

    private async Task<string> FirstFreeStartAsync()
    {
        var slots = await GetJsonAsync($"/api/booking-pages/{Meeting}/slots?timeZone=UTC&from={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(14):yyyy-MM-dd}");
        return slots.GetProperty("slots")[0].GetProperty("start").GetString()!;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string start, int racer)
    {
        using var response = await client.PostAsJsonAsync(
            new Uri($"/api/booking-pages/{Meeting}/bookings", UriKind.Relative),
            new { name = $"Racer {racer}", email = $"racer{racer}@example.com", timeZone = "UTC", starts = new[] { start } },
            Json);
        return response.StatusCode;
    }

    private async Task AssertOneWinnerAsync(HttpStatusCode[] responses, string start)
    {
        Assert.Equal(1, responses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Racers - 1, responses.Count(s => s == HttpStatusCode.Conflict));
        var startUtc = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal(1, await App.QueryAsync(db => db.BookingSessions.CountAsync(s => s.StartUtc == startUtc && s.Status == SessionStatus.Scheduled)));
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }
}

public sealed class SqliteBookingRaceTests() : BookingRaceTests(DatabaseProvider.Sqlite);

public sealed class PostgresBookingRaceTests() : BookingRaceTests(DatabaseProvider.Postgres);

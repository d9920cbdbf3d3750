using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.BookingPages.Services;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Security;

/// <summary>
/// Links issued before links were signed (a random token, stored as its hash) still open their booking after the
/// upgrade, until the link is regenerated; emails sent after the upgrade carry the signed link.
/// </summary>
public abstract partial class LegacyLinkTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeClock _clock = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ALinkFromBeforeTheUpgrade_KeepsWorkingUntilRegenerated_AndNewEmailsCarryTheSignedLink()
    {
        var legacy = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)); // as links were made
        var bookingId = await ABookingFromBeforeTheUpgradeAsync(legacy);

        await using var app = new ManageBookingApp(_database, _clock);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, $"/booking/manage/{legacy}"));

        using (var moved = await client.PostAsJsonAsync(new Uri($"/api/manage/{legacy}/reschedule", UriKind.Relative), new { start = "2026-03-11T10:00:00Z" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await app.DispatchAsync();
        var email = Directory.GetFiles(app.MailFolder, "*.eml").Select(SmtpSink.DecodeFile).Single(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString()!.Contains("grace@example.com", StringComparison.Ordinal)));
        var signed = ManageLink().Match(email.Html()).Groups["token"].Value;
        Assert.NotEqual(legacy, signed);
        Assert.True(ManageToken.TryReadBookingId(signed, out var named));
        Assert.Equal(bookingId, named);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, $"/booking/manage/{signed}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, $"/booking/manage/{legacy}")); // both, until regenerated

        await using (var scope = app.CreateScope())
        {
            var regenerated = await scope.ServiceProvider.GetRequiredService<ManageService>().RegenerateLinkAsync(bookingId, new ActorInfo(Actor.Staff, "owner"), CancellationToken.None);
            Assert.True(regenerated.Succeeded);
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/booking/manage/{legacy}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, $"/booking/manage/{signed}"));
        Assert.Null(await app.QueryAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.LegacyTokenHash).SingleAsync()));
    }

    /// <summary>A page, a calendar and a booking as the schema before signed links held them.</summary>
    private async Task<Guid> ABookingFromBeforeTheUpgradeAsync(string token)
    {
        var bookingId = Guid.NewGuid();
        await using var db = _database.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync("20261121000600_AddBookingCulture");
        var calendar = new Calendar { Name = "Grace's calendar" };
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var page = new BookingPage
        {
            Slug = "legacy-call",
            Title = "Legacy call",
            CalendarId = calendar.Id,
            OwnerName = "Owner",
            OwnerEmail = "owner@example.com",
            WeeklyHours = [.. weekdays.Select(d => new WeeklyHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        };
        await OldSchema.InsertPageAsync(db, calendar, page);
        var now = _clock.GetUtcNow().UtcDateTime;
        var start = new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Bookings" ("Id", "Reference", "BookingPageId", "CalendarId", "CustomerName", "CustomerEmail", "CustomerTimeZoneId",
                "Status", "RescheduleCount", "ManageTokenHash", "FirstStartUtc", "CreatedUtc", "UpdatedUtc", "Version")
            VALUES ({bookingId}, {"MB-LEGACY"}, {page.Id}, {calendar.Id}, {"Grace Hopper"}, {"grace@example.com"}, {"UTC"},
                {"Confirmed"}, {0}, {ManageToken.LegacyHash(token)}, {start}, {now}, {now}, {Guid.NewGuid()})
            """);
        var sessionId = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "BookingSessions" ("Id", "BookingId", "CalendarId", "StartUtc", "EndUtc", "BlockedStartUtc", "BlockedEndUtc",
                "Status", "LineageId", "IsReplaced", "Sequence")
            VALUES ({sessionId}, {bookingId}, {calendar.Id}, {start}, {start.AddMinutes(30)}, {start}, {start.AddMinutes(30)},
                {"Scheduled"}, {sessionId}, {false}, {0})
            """);
        return bookingId;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    [GeneratedRegex(@"/booking/manage/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();
}

public sealed class SqliteLegacyLinkTests() : LegacyLinkTests(DatabaseProvider.Sqlite);

public sealed class PostgresLegacyLinkTests() : LegacyLinkTests(DatabaseProvider.Postgres);

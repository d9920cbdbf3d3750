using System.Net;
using System.Text;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Api;

/// <summary>
/// POSTs of the API with an Idempotency-Key (IETF draft): a retry gets the first answer and changes nothing, on any
/// node, on SQLite and on PostgreSQL; another body under the same key is 422; keys expire after a day.
/// </summary>
public abstract class IdempotencyKeyTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Bookings = "/api/booking-pages/30-minute-meeting/bookings";
    private const string AtTen = """{"name":"Ada Lovelace","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-10T10:00:00-04:00"]}""";
    private const string AtEleven = """{"name":"Ada Lovelace","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-10T11:00:00-04:00"]}""";

    [Fact]
    public async Task NewBooking_RetriedWithTheSameKey_GetsTheFirstAnswer_OnAnyNode_AndBooksOnce()
    {
        var first = await PostAsync(Client, Bookings, AtTen, "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        var outbox = await App.QueryAsync(db => db.OutboxMessages.CountAsync());

        var retry = await PostAsync(Client, Bookings, AtTen, "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
        var bareKey = await PostAsync(Client, Bookings, AtTen, "8e03978e-40d5-43e8-bc93-6894a57f9324");
        await using var otherNode = new ManageBookingApp(App.Database, Clock);
        using var otherClient = otherNode.CreateClient();
        var elsewhere = await PostAsync(otherClient, Bookings, AtTen, "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"");

        Assert.All([retry, bareKey, elsewhere], answer => Assert.Equal(first, answer));
        Assert.Contains("manageUrl", first.Body, StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(outbox, await App.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_Is422_AndChangesNothing()
    {
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(Client, Bookings, AtTen, "booking-1")).Status);

        var other = await PostAsync(Client, Bookings, AtEleven, "booking-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
        Assert.Contains("Idempotency-Key", other.Body, StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task RescheduleAndCancel_RetriedWithTheirKeys_ChangeTheBookingOnce()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-10T10:00:00-04:00");
        var reschedule = $"/api/manage/{token}/reschedule";
        var cancel = $"/api/manage/{token}/cancel";
        const string Move = """{"start":"2026-03-10T14:00:00-04:00"}""";
        const string Reason = """{"reason":"Travelling"}""";

        var moved = await PostAsync(Client, reschedule, Move, "move-1");
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(moved, await PostAsync(Client, reschedule, Move, "move-1"));
        var cancelled = await PostAsync(Client, cancel, Reason, "cancel-1");
        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Equal(cancelled, await PostAsync(Client, cancel, Reason, "cancel-1"));

        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).SingleAsync());
        Assert.Equal(1, booking.RescheduleCount);
        Assert.Single(booking.History, h => h.Action == HistoryAction.Rescheduled);
        Assert.Single(booking.History, h => h.Action == HistoryAction.Cancelled);

        // Without the key the same cancel is a new request, and the booking is already cancelled.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(Client, cancel, Reason, key: null)).Status);
    }

    [Fact]
    public async Task RetriesRacingWithOneKey_BookOnce_AndAllGetTheFirstAnswer()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(Client, Bookings, AtTen, "racing-key")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));
        Assert.Single(answers.Distinct());
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task AKey_IsKeptForADay_ThenARetryRunsAfresh()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-10T10:00:00-04:00");
        var cancel = $"/api/manage/{token}/cancel";
        const string Reason = """{"reason":"Travelling"}""";
        var first = await PostAsync(Client, cancel, Reason, "cancel-1");
        Assert.Equal(HttpStatusCode.OK, first.Status);

        Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(first, await PostAsync(Client, cancel, Reason, "cancel-1"));

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(Client, cancel, Reason, "cancel-1")).Status);
    }

    [Fact]
    public async Task AnswersOfRequestsThatRanAreKept_ButNotThoseOfMalformedOrUnknownOnes()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(Client, "/api/booking-pages/no-such-page/bookings", AtTen, "unknown-page")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Client, Bookings, """{"name":"","starts":[]}""", "malformed")).Status);
        Assert.Equal(0, await App.QueryAsync(db => db.Set<ManageBooking.Api.Idempotency.IdempotencyRecord>().CountAsync()));

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(Client, Bookings, AtTen, "first")).Status);
        var taken = await PostAsync(Client, Bookings, AtTen, "second");
        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Equal(2, await App.QueryAsync(db => db.Set<ManageBooking.Api.Idempotency.IdempotencyRecord>().CountAsync()));
        Assert.All(await App.QueryAsync(db => db.Set<ManageBooking.Api.Idempotency.IdempotencyRecord>().Select(r => r.Response!).ToListAsync()),
            stored => Assert.DoesNotContain("manage", stored, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("\"two\" \"strings\"")]
    [InlineData("two words")]
    [InlineData("\"bad \\escape\"")]
    [InlineData("\"\"")]
    public async Task AMalformedKey_Is400_AndChangesNothing(string key)
    {
        var answer = await PostAsync(Client, Bookings, AtTen, key);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("Idempotency-Key", answer.Body, StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task AKeyLongerThan255Characters_Is400()
        => Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(Client, Bookings, AtTen, new string('k', 256))).Status);

    private static async Task<Answer> PostAsync(HttpClient client, string url, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", key));
        }

        using var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, response.Headers.Location?.ToString(), response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private sealed record Answer(HttpStatusCode Status, string? Location, string? ContentType, string Body);
}

public sealed class SqliteIdempotencyKeyTests() : IdempotencyKeyTests(DatabaseProvider.Sqlite);

public sealed class PostgresIdempotencyKeyTests() : IdempotencyKeyTests(DatabaseProvider.Postgres);

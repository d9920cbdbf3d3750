using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Tokens;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Api;

/// <summary>The public API of booking pages, slots and new bookings; run on SQLite and on PostgreSQL.</summary>
public abstract class BookingPagesApiTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Meeting = "30-minute-meeting";
    private const string Package = "15-minute-package";
    private const string Monday = "2026-03-02"; // the clock starts that day at 07:00 in New York

    [Fact]
    public async Task ListPages_ReturnsTheDemoPagesWithTheirManagePolicy()
    {
        var pages = await GetJsonAsync("/api/booking-pages");

        var bySlug = pages.EnumerateArray().ToDictionary(p => p.GetProperty("slug").GetString()!);
        Assert.Equal(["15-minute-package", "30-minute-meeting", "consultation", "marketing-call"], bySlug.Keys.Order());
        var meeting = bySlug[Meeting];
        Assert.Equal("America/New_York", meeting.GetProperty("timeZone").GetString());
        Assert.Equal(30, meeting.GetProperty("sessionMinutes").GetInt32());
        Assert.Equal("Automatic", meeting.GetProperty("approvalMode").GetString());
        Assert.True(meeting.GetProperty("manage").GetProperty("enabled").GetBoolean());
        Assert.Equal("PT0S", meeting.GetProperty("manage").GetProperty("cancelCutoff").GetString());
        Assert.Equal("Required", meeting.GetProperty("manage").GetProperty("cancelReason").GetString());
        Assert.Equal("PT24H", bySlug[Package].GetProperty("manage").GetProperty("cancelCutoff").GetString());
        Assert.Equal(3, bySlug[Package].GetProperty("sessionsPerBooking").GetInt32());
        Assert.Equal("Manual", bySlug["marketing-call"].GetProperty("approvalMode").GetString());
        Assert.False(bySlug["consultation"].GetProperty("manage").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task GetPage_UnknownSlug_Answers404ProblemDetails()
    {
        using var response = await Client.GetAsync(new Uri("/api/booking-pages/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Slots_AreWrittenInTheViewersZoneWithItsOffset()
    {
        var starts = await FreeStartsAsync(Meeting, Monday, "Europe/Paris");

        // 09:00-17:00 in New York is 15:00-23:00 in Paris that day; the clock (07:00 New York) hides nothing yet.
        Assert.Equal(16, starts.Count);
        Assert.Equal("2026-03-02T15:00:00+01:00", starts[0]);
        Assert.Equal("2026-03-02T22:30:00+01:00", starts[^1]);
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-03-02", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("from=2026-03-02&to=2026-06-30", "to")]
    [InlineData("timeZone=Mars/Olympus_Mons", "timeZone")]
    public async Task Slots_WithBadQuery_Answers400NamingTheField(string query, string field)
    {
        using var response = await Client.GetAsync(new Uri($"/api/booking-pages/{Meeting}/slots?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task CreateBooking_OnAnAutomaticPage_ConfirmsAndStoresOnlyTheTokensHash()
    {
        using var response = await BookAsync(Meeting, "2026-03-02T10:00:00-05:00");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Matches("^MB-[2-9A-Z]{6}$", booking.GetProperty("reference").GetString());
        Assert.Equal("Confirmed", booking.GetProperty("status").GetString());
        Assert.Equal("Europe/London", booking.GetProperty("customer").GetProperty("timeZone").GetString());
        var session = Assert.Single(booking.GetProperty("sessions").EnumerateArray());
        Assert.Equal("2026-03-02T15:00:00+00:00", session.GetProperty("start").GetString()); // in the customer's zone
        Assert.Equal("Scheduled", session.GetProperty("status").GetString());

        var manageUrl = booking.GetProperty("manageUrl").GetString()!;
        Assert.StartsWith(ManageBookingApp.BaseUrl + "booking/manage/", manageUrl, StringComparison.Ordinal);
        var token = manageUrl[(manageUrl.LastIndexOf('/') + 1)..];
        var stored = await App.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.True(ManageToken.TryReadBookingId(token, out var named));
        Assert.Equal(stored.Id, named); // derived from the booking, signed; nothing of it is stored
        Assert.Null(stored.LegacyTokenHash);
    }

    [Fact]
    public async Task CreateBooking_OnAManualApprovalPage_IsPending()
    {
        using var response = await BookAsync("marketing-call", "2026-03-03T10:00:00-05:00");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal("Pending", booking.GetProperty("status").GetString());
        var history = await App.QueryAsync(db => db.BookingHistory.SingleAsync());
        Assert.Equal(HistoryAction.Requested, history.Action);
    }

    [Fact]
    public async Task CreateBooking_TakesTheTimeOffEveryPageOfTheSameCalendar()
    {
        using var response = await BookAsync(Meeting, "2026-03-02T10:00:00-05:00");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var meeting = await FreeStartsAsync(Meeting, Monday);
        var package = await FreeStartsAsync(Package, Monday);

        Assert.DoesNotContain("2026-03-02T10:00:00-05:00", meeting);
        Assert.Contains("2026-03-02T10:30:00-05:00", meeting);
        Assert.DoesNotContain("2026-03-02T10:15:00-05:00", package); // same calendar, overlapping time
        Assert.Contains("2026-03-02T10:30:00-05:00", package);
    }

    [Fact]
    public async Task CreateBooking_InATakenSlot_Answers409AndChangesNothing()
    {
        using var first = await BookAsync(Meeting, "2026-03-02T10:00:00-05:00");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await BookAsync(Meeting, "2026-03-02T15:00:00Z");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task CreateBooking_APackage_BooksEverySession()
    {
        using var response = await BookAsync(Package, "2026-03-04T09:00:00-05:00", "2026-03-02T09:00:00-05:00", "2026-03-03T09:00:00-05:00");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(3, booking.GetProperty("sessions").GetArrayLength());
        Assert.Equal(3, await App.QueryAsync(db => db.BookingSessions.CountAsync(s => s.Status == SessionStatus.Scheduled)));
    }

    [Fact]
    public async Task CreateBooking_APackageWithOneTakenSession_BooksNoneOfThem()
    {
        using var taken = await BookAsync(Meeting, "2026-03-03T09:00:00-05:00");
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);

        using var response = await BookAsync(Package, "2026-03-02T09:00:00-05:00", "2026-03-03T09:00:00-05:00", "2026-03-04T09:00:00-05:00");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.BookingSessions.CountAsync()));
    }

    [Fact]
    public async Task CreateBooking_APackageWhoseSessionsOverlapEachOther_IsRefused()
    {
        using var response = await BookAsync(Package, "2026-03-02T09:00:00-05:00", "2026-03-02T09:00:00-05:00", "2026-03-02T09:15:00-05:00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    public static TheoryData<string, string, HttpStatusCode> BadBookings => new()
    {
        { Meeting, """{"email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-02T10:00:00-05:00"]}""", HttpStatusCode.BadRequest },
        { Meeting, """{"name":"Ada","email":"not-an-email","timeZone":"Europe/London","starts":["2026-03-02T10:00:00-05:00"]}""", HttpStatusCode.BadRequest },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/Atlantis","starts":["2026-03-02T10:00:00-05:00"]}""", HttpStatusCode.BadRequest },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-02T10:00:00"]}""", HttpStatusCode.BadRequest },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["next tuesday"]}""", HttpStatusCode.BadRequest },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":[]}""", HttpStatusCode.BadRequest },
        { Package, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-02T10:00:00-05:00"]}""", HttpStatusCode.BadRequest },
        { Meeting, "{\"name\":\"" + new string('A', 201) + "\",\"email\":\"ada@example.com\",\"timeZone\":\"Europe/London\",\"starts\":[\"2026-03-02T10:00:00-05:00\"]}", HttpStatusCode.BadRequest },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-02T10:10:00-05:00"]}""", HttpStatusCode.UnprocessableEntity },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-02T06:00:00-05:00"]}""", HttpStatusCode.UnprocessableEntity },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-07T10:00:00-05:00"]}""", HttpStatusCode.UnprocessableEntity },
        { Meeting, """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["2027-03-02T10:00:00-05:00"]}""", HttpStatusCode.UnprocessableEntity },
        { Meeting, """{"name":"Ada",""", HttpStatusCode.BadRequest },
        { Meeting, """{"name":42,"email":"ada@example.com","timeZone":"Europe/London","starts":"x"}""", HttpStatusCode.BadRequest },
        { Meeting, "", HttpStatusCode.BadRequest },
        { "no-such-page", """{"name":"Ada","email":"ada@example.com","timeZone":"Europe/London","starts":["2026-03-02T10:00:00-05:00"]}""", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(BadBookings))]
    public async Task CreateBooking_WithBadInput_AnswersAClearProblemAndWritesNothing(string slug, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri($"/api/booking-pages/{slug}/bookings", UriKind.Relative), content);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task CreateBooking_WithAnOversizedBody_IsRefusedBeforeItIsRead()
    {
        var body = JsonSerializer.Serialize(new { name = new string('A', 100_000), email = "ada@example.com", timeZone = "UTC", starts = new[] { "2026-03-02T15:00:00Z" } });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri($"/api/booking-pages/{Meeting}/bookings", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }
}

public sealed class SqliteBookingPagesApiTests() : BookingPagesApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresBookingPagesApiTests() : BookingPagesApiTests(DatabaseProvider.Postgres);

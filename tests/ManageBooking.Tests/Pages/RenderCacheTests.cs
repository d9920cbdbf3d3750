using System.Net;
using AngleSharp.Html.Dom;
using ManageBooking.Operations;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Pages;

/// <summary>
/// Customer pages kept once rendered: the next reader gets the same page with its own nonce and form token, and never a
/// page older than the rows it shows, whichever node changed them, nor older than what time alone changes.
/// </summary>
public abstract class RenderCacheTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Slug = "30-minute-meeting";
    private const string Start = "2026-03-03T10:00:00-05:00";

    /// <summary>A day's bound, the most allowed, so that what the tests see change with time is the pages' own deadlines.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ManageBooking:RenderCache:MaxSeconds"] = "86400" };

    [Fact]
    public async Task AKeptPage_CarriesItsOwnNonceAndAFormTokenThatPosts()
    {
        await SaveThemeAsync("#7a1f5c"); // the theme's one inline style, with its nonce
        var (_, token) = await BookWithTokenAsync(Slug, Start);
        using var recorder = Recorder();

        var first = await GetAsync(Client, $"/booking/manage/{token}");
        var second = await GetAsync(Client, $"/booking/manage/{token}");

        Assert.Equal(1, recorder.Sum(Lookups, ("outcome", "hit")));
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.FormToken, second.FormToken);
        Assert.Equal(Normalised(first), Normalised(second));
        foreach (var page in new[] { first, second })
        {
            Assert.Contains($"'nonce-{page.Nonce}'", page.Policy, StringComparison.Ordinal);
        }

        // Another visitor gets the kept page too, with a token that goes with their own antiforgery cookie.
        using var noRedirect = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var kept = await GetAsync(noRedirect, $"/booking/manage/{token}");
        Assert.Equal(2, recorder.Sum(Lookups, ("outcome", "hit")));
        using var posted = await HtmlPage.SubmitAsync(noRedirect, (IHtmlFormElement)kept.Document.QuerySelector("form.mb-culture-picker")!, "/booking/culture", ("culture", "fr"));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode); // a token that did not go with the cookie would get 400
    }

    [Fact]
    public async Task AManagePage_ShowsAChangeMadeOnAnotherNode_AtOnce()
    {
        var (_, token) = await BookWithTokenAsync(Slug, Start);
        await GetAsync(Client, $"/booking/manage/{token}");
        Assert.Equal(3, (await GetAsync(Client, $"/booking/manage/{token}")).Document.QuerySelectorAll(".mb-choices a").Length);

        await CancelOnAnotherNodeAsync(token);

        var after = await GetAsync(Client, $"/booking/manage/{token}");
        Assert.Contains("cancelled by you", after.Document.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll(".mb-choices a"));
    }

    [Fact]
    public async Task AKeptPage_AsksTheTablesAgain_OnlyOnceSomethingWasCommitted()
    {
        var (_, token) = await BookWithTokenAsync(Slug, Start);
        await GetAsync(Client, $"/booking/manage/{token}");
        using var recorder = Recorder();

        await GetAsync(Client, $"/booking/manage/{token}");
        await GetAsync(Client, $"/booking/manage/{token}");

        // The change mark saw no commit: the versions read for the first view still hold. PostgreSQL's mark is the
        // server's snapshot, which the other tests sharing the server change at any time (PostgresSnapshotMarkTests shows
        // it holding on a server of its own); here it may only ask more often.
        Assert.Equal(2, recorder.Sum(Versions, ("source", "recalled")) + recorder.Sum(Versions, ("source", "read")));
        if (App.Database.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal(2, recorder.Sum(Versions, ("source", "recalled")));
        }

        Assert.Equal(2, recorder.Sum(Lookups, ("outcome", "hit")));
        var readBefore = recorder.Sum(Versions, ("source", "read"));

        await CancelOnAnotherNodeAsync(token);

        var after = await GetAsync(Client, $"/booking/manage/{token}");
        Assert.Equal(readBefore + 1, recorder.Sum(Versions, ("source", "read")));
        Assert.Contains("cancelled by you", after.Document.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManagePage_WhenItsSessionStarts_SaysSo_ThoughNoRowChanged()
    {
        var today = (await FreeStartsAsync(Slug, "2026-03-02"))[0];
        var (_, token) = await BookWithTokenAsync(Slug, today);
        await GetAsync(Client, $"/booking/manage/{token}");
        Assert.Equal(3, (await GetAsync(Client, $"/booking/manage/{token}")).Document.QuerySelectorAll(".mb-choices a").Length);

        Clock.Advance(DateTimeOffset.Parse(today, System.Globalization.CultureInfo.InvariantCulture) - Clock.GetUtcNow()); // exactly at the start

        var started = await GetAsync(Client, $"/booking/manage/{token}");
        Assert.Empty(started.Document.QuerySelectorAll(".mb-choices a"));
    }

    [Fact]
    public async Task ABookingPage_DropsATimeBookedOnAnotherNode_AtOnce()
    {
        const string Url = $"/book/{Slug}?tz=America/New_York&date=2026-03-03";
        await GetAsync(Client, Url);
        var kept = await GetAsync(Client, Url);
        var time = Starts(kept)[0];

        await BookOnAnotherNodeAsync(time);

        Assert.DoesNotContain(time, Starts(await GetAsync(Client, Url)));
    }

    [Fact]
    public async Task ABookingPage_DropsATimeOnceItIsInsideTheNotice_ThoughNoRowChanged()
    {
        // The marketing call asks four hours' notice: at 07:00 in New York its first time is 11:00, until 07:00 has passed.
        const string Url = "/book/marketing-call?tz=America/New_York&date=2026-03-02";
        await GetAsync(Client, Url);
        var first = Starts(await GetAsync(Client, Url))[0];

        Clock.Advance(DateTimeOffset.Parse(first, System.Globalization.CultureInfo.InvariantCulture) - TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1) - Clock.GetUtcNow());

        Assert.DoesNotContain(first, Starts(await GetAsync(Client, Url)));
    }

    [Fact]
    public async Task TheManageApi_KeepsItsAnswer_UntilTheBookingChangesOnAnyNode()
    {
        var (_, token) = await BookWithTokenAsync(Slug, Start);
        using var recorder = Recorder();
        await GetJsonAsync($"/api/manage/{token}");
        Assert.Equal("Confirmed", (await GetJsonAsync($"/api/manage/{token}")).GetProperty("status").GetString());
        Assert.Equal(1, recorder.Sum(Lookups, ("outcome", "hit")));

        await CancelOnAnotherNodeAsync(token);

        Assert.Equal("Cancelled", (await GetJsonAsync($"/api/manage/{token}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheSlotsApi_KeepsItsAnswer_UntilABookingOnAnyNode()
    {
        const string Url = $"/api/booking-pages/{Slug}/slots?from=2026-03-03&to=2026-03-03&timeZone=America/New_York";
        using var recorder = Recorder();
        await GetJsonAsync(Url);
        var time = (await GetJsonAsync(Url)).GetProperty("slots")[0].GetProperty("start").GetString()!;
        Assert.Equal(1, recorder.Sum(Lookups, ("outcome", "hit")));

        await BookOnAnotherNodeAsync(time);

        var after = await GetJsonAsync(Url);
        Assert.DoesNotContain(time, after.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()));
    }

    [Fact]
    public async Task AThemeSavedOnAnotherNode_ShowsOnTheNextView()
    {
        var (_, token) = await BookWithTokenAsync(Slug, Start);
        await GetAsync(Client, $"/booking/manage/{token}");
        await GetAsync(Client, $"/booking/manage/{token}");

        await SaveThemeAsync("#0b6e4f");

        Assert.Contains("#0b6e4f", (await GetAsync(Client, $"/booking/manage/{token}")).Html, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Cancels through a second site on the same database, as another node would.</summary>
    private async Task CancelOnAnotherNodeAsync(string token)
    {
        await using var other = new ManageBookingApp(App.Database, Clock, Settings);
        using var client = other.CreateClient();
        using var cancelled = await client.PostAsync(new Uri($"/api/manage/{token}/cancel", UriKind.Relative), JsonContent(new { reason = "Plans changed" }));
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
    }

    /// <summary>Books <paramref name="start"/> through a second site on the same database.</summary>
    private async Task BookOnAnotherNodeAsync(string start)
    {
        await using var other = new ManageBookingApp(App.Database, Clock, Settings);
        using var client = other.CreateClient();
        using var booked = await client.PostAsync(
            new Uri($"/api/booking-pages/{Slug}/bookings", UriKind.Relative),
            JsonContent(new { name = "Grace Hopper", email = "grace@example.com", timeZone = "America/New_York", starts = new[] { start } }));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

    /// <summary>Saves the brand colour as the theme screen does: a new version each time.</summary>
    private Task SaveThemeAsync(string brand) => App.ArrangeAsync(async db =>
    {
        var theme = await db.ThemeSettings.FirstOrDefaultAsync();
        if (theme is null)
        {
            db.ThemeSettings.Add(new ManageBooking.Theming.ThemeSettings { BrandColor = brand });
        }
        else
        {
            theme.BrandColor = brand;
            theme.Version = Guid.NewGuid();
        }
    });

    private static StringContent JsonContent(object body)
        => new(System.Text.Json.JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");

    private const string Lookups = "managebooking.render_cache.lookups";

    private const string Versions = "managebooking.render_cache.versions";

    private MeasurementRecorder Recorder() => new(App.Services.GetRequiredService<ManageBookingMetrics>().Meter);

    private static List<string> Starts(Page page)
        => [.. page.Document.QuerySelectorAll(".mb-slot input").Select(i => i.GetAttribute("value")!)];

    private static string Normalised(Page page) => page.Html.Replace(page.Nonce, "NONCE", StringComparison.Ordinal).Replace(page.FormToken, "TOKEN", StringComparison.Ordinal);

    private static async Task<Page> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        return new Page(
            html,
            document,
            policy,
            document.QuerySelector("style[nonce]")?.GetAttribute("nonce") ?? "",
            document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "");
    }

    private sealed record Page(string Html, IHtmlDocument Document, string Policy, string Nonce, string FormToken);
}

public sealed class SqliteRenderCacheTests() : RenderCacheTests(DatabaseProvider.Sqlite);

public sealed class PostgresRenderCacheTests() : RenderCacheTests(DatabaseProvider.Postgres);

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NodaTime.Text;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>Staff move a booking through the customers' picker and cancel one session of a package, in Chromium.</summary>
public sealed class StaffActionsJourneyTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public StaffActionsJourneyTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task StaffReschedule_ThroughThePicker_NextWeek_MovesTheBookingAndTheHistorySaysWho()
    {
        var starts = await _site.FreeStartsAsync("30-minute-meeting", "timeZone=UTC");
        var booking = await _site.BookAsync("30-minute-meeting", "Katherine Johnson", "katherine@example.com", "UTC", starts[3]);
        var reference = booking.GetProperty("reference").GetString()!;
        var page = await SignedInPageAsync();
        await OpenAsync(page, reference);

        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Choose a new time");
        await Expect(page.Locator(".mb-zone-label")).ToContainTextAsync("America/New York");
        var thisWeek = await page.Locator(".mb-week-label").TextContentAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        await Expect(page.Locator(".mb-week-label")).Not.ToHaveTextAsync(thisWeek!);
        var slot = page.Locator(".mb-slot:not(.mb-slot--current)").First;
        var chosen = await slot.Locator("input").GetAttributeAsync("value");
        await slot.ClickAsync();
        await BrowserShots.TakeAsync(page, "admin-reschedule-picker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirm the new time");
        await Expect(page.Locator(".mb-recipients")).ToContainTextAsync("katherine@example.com");
        await page.GetByLabel("Reason (in the emails and the history)").FillAsync("The host is travelling");
        await BrowserShots.TakeAsync(page, "admin-reschedule-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the session" }).ClickAsync();

        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Session moved. Emailed the customer, the owner and 1 stakeholder.");
        var line = page.Locator(".mb-history tbody tr").Last;
        await Expect(line).ToContainTextAsync("Rescheduled");
        await Expect(line).ToContainTextAsync("owner@example.test");
        await Expect(line).ToContainTextAsync("The host is travelling");
        await BrowserShots.TakeAsync(page, "admin-booking-moved");
        var sessions = await SessionsAsync(booking);
        var scheduled = sessions.Single(s => s.GetProperty("status").GetString() == "Scheduled");
        Assert.Equal(Instant(chosen!), Instant(scheduled.GetProperty("start").GetString()!));
    }

    [Fact]
    public async Task StaffPartialCancel_OfAPackage_ConfirmsThenCancelsOneSession_AndTheOthersStayScheduled()
    {
        var starts = await _site.FreeStartsAsync("15-minute-package", "timeZone=UTC");
        var booking = await _site.BookAsync("15-minute-package", "Dorothy Vaughan", "dorothy@example.com", "UTC", starts[40], starts[44], starts[48]);
        var reference = booking.GetProperty("reference").GetString()!;
        var page = await SignedInPageAsync();
        await OpenAsync(page, reference);

        var second = page.Locator("input[type=checkbox][form=choose-sessions]").Nth(1);
        await second.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel chosen sessions" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Cancel this session?");
        await Expect(page.Locator(".mb-cancel-list__session")).ToHaveCountAsync(1);
        await Expect(page.Locator(".mb-recipients")).ToContainTextAsync("dorothy@example.com");
        await page.GetByLabel("Reason for cancelling (in the emails and the history)").FillAsync("Coach away that day");
        await BrowserShots.TakeAsync(page, "admin-cancel-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the session" }).ClickAsync();

        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Session cancelled. Emailed the customer, the owner and 1 stakeholder.");
        await Expect(page.Locator(".mb-session__state")).ToHaveTextAsync(["Scheduled", "Cancelled", "Scheduled"]);
        await Expect(page.Locator(".mb-history")).ToContainTextAsync("Coach away that day");
        var statuses = (await SessionsAsync(booking)).OrderBy(s => Instant(s.GetProperty("start").GetString()!)).Select(s => s.GetProperty("status").GetString());
        Assert.Equal(["Scheduled", "Cancelled", "Scheduled"], statuses);
        Assert.Equal("Confirmed", (await ManagedAsync(booking)).GetProperty("status").GetString());
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await _site.SignInAsOwnerAsync(page);
        return page;
    }

    private static async Task OpenAsync(IPage page, string reference)
    {
        await page.GetByPlaceholder("Reference, name or email").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.Locator("td .mb-reference", new() { HasText = reference }).ClickAsync();
        await Expect(page.Locator("h1 .mb-reference")).ToHaveTextAsync(reference);
    }

    /// <summary>The booking as its customer's manage API shows it now.</summary>
    private async Task<JsonElement> ManagedAsync(JsonElement booking)
    {
        var url = booking.GetProperty("manageUrl").GetString()!;
        using var http = new HttpClient { BaseAddress = _site.Site.Address };
        return await http.GetFromJsonAsync<JsonElement>("api/manage/" + url[(url.LastIndexOf('/') + 1)..]);
    }

    private async Task<List<JsonElement>> SessionsAsync(JsonElement booking)
        => [.. (await ManagedAsync(booking)).GetProperty("sessions").EnumerateArray()];

    private static NodaTime.Instant Instant(string iso) => OffsetDateTimePattern.ExtendedIso.Parse(iso).Value.ToInstant();
}

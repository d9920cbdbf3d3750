using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ManageBooking.Tests.Localization;

/// <summary>The customer pages in French, chosen by the browser's language or by the footer's buttons.</summary>
public sealed class FrenchPagesTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string BookUrl = "/book/30-minute-meeting";

    protected override LogSink? Logs { get; } = new();

    [Fact]
    public async Task BookingPage_WithAFrenchBrowser_SpeaksFrenchWithFrenchDates()
    {
        using var client = French();

        var page = await HtmlPage.GetAsync(client, BookUrl + "?tz=Europe/Paris");

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Réserver", page.QuerySelector(".mb-book-form button[type=submit]")?.TextContent.Trim());
        Assert.Equal("Choisissez un horaire", page.QuerySelector(".mb-slot-picker legend")?.TextContent.Trim());
        Assert.Equal("lun. 2 mars", page.QuerySelector(".mb-slot-day__label span")?.TextContent.Trim());
        Assert.Matches(@"^\d{2}:\d{2}$", page.QuerySelector(".mb-slot span")?.TextContent.Trim());
        Assert.Equal("Aller au contenu", page.QuerySelector(".mb-skip-link")?.TextContent.Trim());
        Assert.Empty(GapsInLogs());
    }

    [Fact]
    public async Task EnglishStaysTheDefault_ForABrowserInALanguageTheSiteDoesNotOffer()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");

        var page = await HtmlPage.GetAsync(client, BookUrl + "?tz=Europe/Paris");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Book", page.QuerySelector(".mb-book-form button[type=submit]")?.TextContent.Trim());
        Assert.Equal("Mon Mar 2", page.QuerySelector(".mb-slot-day__label span")?.TextContent.Trim());
    }

    [Fact]
    public async Task ManagePage_InFrench_StatesThePolicyTheTimeAndTheZone()
    {
        var (_, token) = await BookWithTokenAsync("15-minute-package", "2026-03-03T10:00:00-05:00", "2026-03-04T10:00:00-05:00", "2026-03-05T10:00:00-05:00");
        using var client = French();

        var page = await HtmlPage.GetAsync(client, $"/booking/manage/{token}?tz=America/New_York");

        Assert.Equal("Votre réservation", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("mardi 3 mars 2026, 10:00 – 10:15", page.QuerySelector(".mb-session")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Les réservations peuvent être annulées jusqu’à 24 heures avant leur début.", page.QuerySelector(".mb-policy")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Confirmée", page.QuerySelector(".mb-status")?.TextContent.Trim());
        Assert.Equal(["Déplacer", "Annuler", "Conserver"], page.QuerySelectorAll(".mb-choices a").Select(a => a.TextContent.Trim()).ToArray());
        Assert.Equal("America/New York · UTC−05:00 · EST", page.QuerySelector(".mb-zone-label")?.TextContent.Trim());
        Assert.Empty(GapsInLogs());
    }

    /// <summary>
    /// Walks every customer page and the messages they can show, in French, and fails on any string the translation lacks:
    /// the localizer logs each one it cannot find.
    /// </summary>
    [Fact]
    public async Task EveryCustomerPageAndMessage_InFrench_HasATranslation()
    {
        using var client = French(redirects: false);

        // Booking: the page, every field message, a time taken meanwhile, the confirmation.
        var book = await HtmlPage.GetAsync(client, BookUrl + "?tz=America/New_York");
        var form = book.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;
        using (var bad = await HtmlPage.SubmitAsync(client, form, BookUrl, ("Name", ""), ("Email", "grace@")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var again = await HtmlPage.ParseAsync(bad);
            Assert.Equal("Indiquez votre nom.", again.QuerySelector("#Name-error")?.TextContent.Trim());
            Assert.Equal("Choisissez un horaire.", again.QuerySelector("#Starts-error")?.TextContent.Trim());
        }

        using (var first = await BookAsync("30-minute-meeting", "2026-03-02T11:00:00-05:00"))
        using (var taken = await HtmlPage.SubmitAsync(client, form, BookUrl, ("Starts", "2026-03-02T11:00:00-05:00"), ("Name", "Grace"), ("Email", "grace@example.com")))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        }

        using (var booked = await HtmlPage.SubmitAsync(client, form, BookUrl, ("Starts", "2026-03-03T11:00:00-05:00"), ("Name", "Grace"), ("Email", "grace@example.com")))
        {
            Assert.Equal(HttpStatusCode.Found, booked.StatusCode);
            var confirmation = await HtmlPage.GetAsync(client, booked.Headers.Location!.ToString());
            Assert.Equal("C’est réservé", confirmation.QuerySelector("h1")?.TextContent.Trim());
        }

        // Manage: overview, keep, cancel without the required reason, reschedule picker, review, confirm, result, read-only.
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-04T10:00:00-05:00");
        var manage = $"/booking/manage/{token}";
        await HtmlPage.GetAsync(client, manage);
        await HtmlPage.GetAsync(client, manage + "/keep");
        var cancel = await HtmlPage.GetAsync(client, manage + "/cancel");
        using (var noReason = await HtmlPage.SubmitAsync(client, cancel.QuerySelector<IHtmlFormElement>("form[method=post]:not(.mb-culture-picker)")!, manage + "/cancel", ("Reason", "")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            var again = await HtmlPage.ParseAsync(noReason);
            Assert.Equal("Indiquez à l’organisateur pourquoi vous annulez.", again.QuerySelector("#Reason-error")?.TextContent.Trim());
        }

        var picker = await HtmlPage.GetAsync(client, manage + "/reschedule");
        var start = picker.QuerySelector<IHtmlInputElement>("input[name=start]")!.Value;
        var session = picker.QuerySelector<IHtmlInputElement>("input[name=session]")!.Value;
        var review = await HtmlPage.GetAsync(client, $"{manage}/reschedule/review?session={session}&start={Uri.EscapeDataString(start)}&tz=Europe/London");
        Assert.Equal("Confirmez le nouvel horaire", review.QuerySelector("h1")?.TextContent.Trim());
        using (var moved = await HtmlPage.SubmitAsync(client, review.QuerySelector<IHtmlFormElement>("form[method=post]:not(.mb-culture-picker)")!, manage + "/reschedule"))
        {
            Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
            var result = await HtmlPage.GetAsync(client, moved.Headers.Location!.ToString());
            Assert.Equal("Votre réservation est déplacée", result.QuerySelector("h1")?.TextContent.Trim());
        }

        cancel = await HtmlPage.GetAsync(client, manage + "/cancel");
        using (var cancelled = await HtmlPage.SubmitAsync(client, cancel.QuerySelector<IHtmlFormElement>("form[method=post]:not(.mb-culture-picker)")!, manage + "/cancel", ("Reason", "Empêchement")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, cancelled.StatusCode);
            await HtmlPage.GetAsync(client, cancelled.Headers.Location!.ToString());
        }

        var readOnly = await HtmlPage.GetAsync(client, manage);
        Assert.StartsWith("Vous avez annulé cette réservation le lundi 2 mars 2026", readOnly.QuerySelector("[role=status]")?.TextContent.Trim(), StringComparison.Ordinal);

        // A package past its cutoff, a request awaiting approval, a page without self-service, a link that leads nowhere.
        var (_, package) = await BookWithTokenAsync("15-minute-package", "2026-03-03T09:00:00-05:00", "2026-03-09T09:00:00-05:00", "2026-03-10T09:00:00-05:00");
        var packageCancel = await HtmlPage.GetAsync(client, $"/booking/manage/{package}/cancel");
        using (var none = await HtmlPage.SubmitAsync(client, packageCancel.QuerySelector<IHtmlFormElement>("form[method=post]:not(.mb-culture-picker)")!, $"/booking/manage/{package}/cancel"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        }

        var (_, pending) = await BookWithTokenAsync("marketing-call", "2026-03-05T10:00:00-05:00");
        await HtmlPage.GetAsync(client, $"/booking/manage/{pending}");
        await HtmlPage.GetAsync(client, $"/booking/manage/{pending}/cancel");
        await HtmlPage.GetAsync(client, $"/book/marketing-call");
        var (_, legacy) = await BookWithTokenAsync("consultation", "2026-03-05T10:00:00+01:00");
        await HtmlPage.GetAsync(client, $"/booking/manage/{legacy}");
        Clock.Advance(TimeSpan.FromDays(1));
        await HtmlPage.GetAsync(client, $"/booking/manage/{package}");
        await HtmlPage.GetAsync(client, $"/booking/manage/{package}/cancel");
        Clock.Advance(TimeSpan.FromDays(30));
        await HtmlPage.GetAsync(client, $"/booking/manage/{package}");
        using (var unknown = await client.GetAsync(new Uri("/booking/manage/not-a-token", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("Nous n’avons pas trouvé cette réservation", (await HtmlPage.ParseAsync(unknown)).QuerySelector("h1")?.TextContent.Trim());
        }

        Assert.Empty(GapsInLogs());
    }

    [Fact]
    public async Task LanguageButtons_RememberTheChoiceAndReturnToTheSamePage()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await HtmlPage.GetAsync(client, BookUrl + "?tz=Europe/Paris");
        var picker = page.QuerySelector<IHtmlFormElement>("form.mb-culture-picker")!;
        Assert.Equal(["English", "Français"], picker.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ToArray());
        Assert.Equal("true", picker.QuerySelector("button[value=en]")?.GetAttribute("aria-current"));

        using var chosen = await HtmlPage.SubmitAsync(client, picker, "/booking/culture", ("culture", "fr"));

        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        Assert.Equal(BookUrl + "?tz=Europe/Paris", chosen.Headers.Location?.ToString());
        var french = await HtmlPage.GetAsync(client, BookUrl + "?tz=Europe/Paris");
        Assert.Equal("fr", french.DocumentElement.GetAttribute("lang"));
        Assert.Equal("true", french.QuerySelector(".mb-culture-picker button[value=fr]")?.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task LanguageButtons_RefuseAnUnknownLanguageAndNeverLeaveTheSite()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var picker = (await HtmlPage.GetAsync(client, BookUrl)).QuerySelector<IHtmlFormElement>("form.mb-culture-picker")!;

        using var unknown = await HtmlPage.SubmitAsync(client, picker, "/booking/culture", ("culture", "xx-KLINGON"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.False(unknown.Headers.Contains("Set-Cookie"));

        var fields = new FormUrlEncodedContent([
            new("__RequestVerificationToken", picker.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value),
            new("culture", "fr"),
            new("returnUrl", "https://evil.example/phish"),
        ]);
        using var foreign = await client.PostAsync(new Uri("/booking/culture", UriKind.Relative), fields);
        Assert.Equal(HttpStatusCode.SeeOther, foreign.StatusCode);
        Assert.Equal("/", foreign.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Cultures_AreConfigurable_AndTheFirstIsTheDefault()
    {
        await using var app = new ManageBookingApp(App.Database, Clock, SiteSettings.FrenchFirst);
        using var client = app.CreateClient();

        var page = await HtmlPage.GetAsync(client, BookUrl);

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Français", "English"], page.QuerySelectorAll(".mb-culture-picker button").Select(b => b.TextContent.Trim()).ToArray());
    }

    private HttpClient French(bool redirects = true)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr;q=0.9");
        return client;
    }

    private List<string> GapsInLogs() => [.. Logs!.Lines.Where(l => l.Contains("TranslationGapReporter", StringComparison.Ordinal))];
}

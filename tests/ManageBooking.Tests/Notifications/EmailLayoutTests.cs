using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Theming;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Notifications;

/// <summary>Emails are framed by the theme's _EmailLayout view, in the theme's colours and the site's language.</summary>
public sealed class EmailLayoutTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task TheThemesLayout_FramesTheEmailInTheDefaultBrand()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        var html = await CustomerEmailAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("border-top:4px solid #1f5fbf", html, StringComparison.Ordinal);
        Assert.Contains("Sent by Bookings with ManageBooking.", html, StringComparison.Ordinal);
        Assert.Contains("background:#1f5fbf;color:#ffffff", html, StringComparison.Ordinal); // the Manage your booking button
    }

    [Fact]
    public async Task ThemeSettings_ReachTheEmail_WithAnAbsoluteLogoAndReadableButtonText()
    {
        await App.ArrangeAsync(db =>
        {
            db.ThemeSettings.Add(new ThemeSettings { SiteName = "Acme <Studio>", BrandColor = "#f2c230", LogoUrl = "/img/logo.png" });
            return Task.CompletedTask;
        });
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        var html = await CustomerEmailAsync();

        Assert.Contains("border-top:4px solid #f2c230", html, StringComparison.Ordinal);
        Assert.Contains("background:#f2c230;color:#000000", html, StringComparison.Ordinal); // a light brand gets black text
        Assert.Contains("src=\"https://bookings.example.test/img/logo.png\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Acme &lt;Studio&gt;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Studio>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageAlternateInTheSite_ChangesThatPagesEmailsOnly()
    {
        await BookWithTokenAsync("marketing-call", "2026-03-05T10:00:00-05:00");
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        Assert.True(await App.DispatchAsync() > 0);
        var emails = Emails().Where(IsCustomers).ToList();

        var marketing = emails.Single(m => m.Subject().Contains("Marketing call", StringComparison.Ordinal)).Html();
        var meeting = emails.Single(m => m.Subject().Contains("30-minute meeting", StringComparison.Ordinal)).Html();
        Assert.Contains("We reply to every request within one working day.", marketing, StringComparison.Ordinal);
        Assert.Contains("Sent by Bookings with ManageBooking.", marketing, StringComparison.Ordinal); // the theme's frame, kept
        Assert.DoesNotContain("within one working day", meeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomerWhoBookedInFrench_GetsTheirEmailInFrench_AndTheOwnerInTheSitesLanguage()
    {
        using var french = App.CreateClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        await BookOnThePageAsync(french);
        Assert.Equal("fr", await App.QueryAsync(db => db.Bookings.Select(b => b.Culture).SingleAsync()));

        Assert.True(await App.DispatchAsync() > 0);
        var customer = Emails().First(IsCustomers);
        var owner = Emails().First(m => m.GetProperty("to")[0].GetString()!.Contains("alex@example.com", StringComparison.Ordinal));

        Assert.Equal("Réservation confirmée : 30-minute meeting", customer.Subject());
        Assert.Contains("<html lang=\"fr\">", customer.Html(), StringComparison.Ordinal);
        Assert.Contains("mardi 3 mars 2026, 10:00 – 10:30", customer.Html(), StringComparison.Ordinal);
        Assert.Contains("Gérer votre réservation", customer.Html(), StringComparison.Ordinal);
        Assert.Contains("Envoyé par Réservations avec ManageBooking.", customer.Html(), StringComparison.Ordinal);
        Assert.StartsWith("New booking: Grace Hopper", owner.Subject(), StringComparison.Ordinal);
        Assert.Contains("Tuesday, March 3, 2026", owner.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleWithoutATranslation_SendsItsMainEmail_InTheSitesLanguage()
    {
        await App.ArrangeAsync(async db =>
        {
            var rule = await db.NotificationRules.SingleAsync(r => r.Name == "Booking confirmed");
            rule.Tasks = [.. rule.Tasks.Select(t => t with { Translations = null })];
        });
        using var french = App.CreateClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");
        await BookOnThePageAsync(french);

        var html = await CustomerEmailAsync();

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Tuesday, March 3, 2026", html, StringComparison.Ordinal);
        Assert.Contains("Manage your booking", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASiteWhoseFirstLanguageIsFrench_StartsWithFrenchRules_AndWritesInFrench()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new ManageBookingApp(database, Clock, SiteSettings.FrenchFirst);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE"); // a language the site does not offer: its own
        await BookOnThePageAsync(client);

        Assert.True(await app.DispatchAsync() > 0);
        var customer = Directory.GetFiles(app.MailFolder, "*.eml").Select(SmtpSink.DecodeFile).First(IsCustomers);

        Assert.Equal("Réservation confirmée : 30-minute meeting", customer.Subject());
        Assert.Contains("<html lang=\"fr\">", customer.Html(), StringComparison.Ordinal);
        Assert.Contains("mardi 3 mars 2026", customer.Html(), StringComparison.Ordinal);
        var confirmed = await app.QueryAsync(db => db.NotificationRules.SingleAsync(r => r.Name == "Booking confirmed"));
        Assert.Equal("en", confirmed.Tasks[0].Translations?.Single().Culture);
        Assert.Equal("Booking confirmed: {{page.title}}", confirmed.Tasks[0].Translations?.Single().Subject);
    }

    private static async Task BookOnThePageAsync(HttpClient client)
    {
        const string url = "/book/30-minute-meeting?tz=America/New_York";
        var page = await HtmlPage.GetAsync(client, url);
        var form = page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;
        using var booked = await HtmlPage.SubmitAsync(client, form, "/book/30-minute-meeting",
            ("Starts", "2026-03-03T10:00:00-05:00"), ("Name", "Grace Hopper"), ("Email", "ada@example.com"));
        Assert.True(booked.IsSuccessStatusCode, $"booking answered {(int)booked.StatusCode}");
    }

    [Fact]
    public async Task ThePlainTextPart_ReadsLikeTheEmail_WithoutTheLayoutsHeadOrIndentation()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        Assert.True(await App.DispatchAsync() > 0);

        var text = Emails().First(IsCustomers).Text();

        Assert.StartsWith("Bookings\n\nHi Ada Lovelace,", text, StringComparison.Ordinal);
        Assert.EndsWith("Sent by Bookings with ManageBooking.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n ", text, StringComparison.Ordinal);
    }

    private async Task<string> CustomerEmailAsync()
    {
        Assert.True(await App.DispatchAsync() > 0);
        return Emails().First(IsCustomers).Html();
    }

    private IEnumerable<JsonElement> Emails() => Directory.GetFiles(App.MailFolder, "*.eml").Select(SmtpSink.DecodeFile);

    private static bool IsCustomers(JsonElement message) => message.GetProperty("to")[0].GetString()!.Contains("ada@example.com", StringComparison.Ordinal);
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>The week grid and the notification rules editor.</summary>
public sealed class AdminScreensTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Week_ShowsEachSessionInItsDayColumnInTheCalendarsZone()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await BookWithTokenAsync("15-minute-package", "2026-03-05T09:00:00-05:00", "2026-03-05T11:00:00-05:00", "2026-03-06T09:00:00-05:00");
        using var admin = await SignInAsync();

        var week = await HtmlPage.GetAsync(admin, "/admin/calendar?week=2026-03-04");

        var days = week.QuerySelectorAll(".mb-week__day").ToList();
        Assert.Equal(7, days.Count);
        Assert.Contains("10:00", days[2].QuerySelector(".mb-week__entry")?.TextContent, StringComparison.Ordinal); // Tuesday (the week starts on Sunday)
        Assert.Equal(2, days[4].QuerySelectorAll(".mb-week__entry").Length); // Thursday
        Assert.Single(days[5].QuerySelectorAll(".mb-week__entry"));
        Assert.Empty(days[1].QuerySelectorAll(".mb-week__entry"));
    }

    [Fact]
    public async Task RulesEditor_RefusesABrokenTemplate_SavesAChangeThatTheNextEmailUses_AndTestSends()
    {
        using var admin = await SignInAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Name == "Booking confirmed").Select(r => r.Id).SingleAsync());
        var editor = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");

        using var broken = await HtmlPage.SubmitAsync(admin, Form(editor), $"/admin/notifications/{ruleId}", HtmlPage.FormValues(Form(editor), ("Tasks[0].Subject", "Hi {{#if customer.name}")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.NotNull((await HtmlPage.ParseAsync(broken)).QuerySelector("[id='Tasks[0].Subject-error']"));

        using var saved = await HtmlPage.SubmitAsync(admin, Form(editor), $"/admin/notifications/{ruleId}", HtmlPage.FormValues(Form(editor), ("Tasks[0].Subject", "See you soon, {{customer.name}}")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await App.DispatchAsync(); // rendered when sent, with the template as saved
        var summaries = await App.QueryAsync(db => db.OutboxMessages.Select(m => m.Summary).ToListAsync());
        Assert.Contains("ada@example.com · See you soon, Ada Lovelace", summaries);

        var page = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var testForm = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action")!.EndsWith("/test", StringComparison.Ordinal));
        using (await HtmlPage.SubmitAsync(admin, testForm, $"/admin/notifications/{ruleId}/test", ("address", "qa@example.test")))
        {
        }

        var tests = await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Summary.StartsWith("qa@example.test")).ToListAsync());
        Assert.Equal(3, tests.Count); // the rule's three email tasks, all redirected to the test address
        Assert.All(tests, m => Assert.Equal(OutboxStatus.Pending, m.Status));

        // Rendered for the sample booking, never a real customer's booking, link or calendar entry.
        var realReference = await App.QueryAsync(db => db.Bookings.Select(b => b.Reference).SingleAsync());
        Assert.Equal(3, await App.DispatchAsync());
        var sent = Directory.GetFiles(App.MailFolder, "*.eml").Select(SmtpSink.DecodeFile)
            .Where(m => m.GetProperty("to")[0].GetString()!.Contains("qa@example.test", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, m => Assert.Contains("MB-SAMPLE", m.Html(), StringComparison.Ordinal));
        Assert.All(sent, m => Assert.DoesNotContain(realReference, m.Html() + m.Calendar().GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RulesEditor_EditsTheFrenchEmail_AndRefusesHalfATranslation()
    {
        using var admin = await SignInAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Name == "Booking confirmed").Select(r => r.Id).SingleAsync());
        var editor = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        Assert.Equal("Réservation confirmée : {{page.title}}", editor.QuerySelector<IHtmlInputElement>("[name='Tasks[0].Translations[0].Subject']")?.Value);
        Assert.Contains("Français", editor.QuerySelector(".mb-translation legend")?.TextContent, StringComparison.Ordinal);

        using var half = await HtmlPage.SubmitAsync(admin, Form(editor), $"/admin/notifications/{ruleId}",
            HtmlPage.FormValues(Form(editor), ("Tasks[0].Translations[0].Body", "")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, half.StatusCode);
        Assert.NotNull((await HtmlPage.ParseAsync(half)).QuerySelector("[id='Tasks[0].Translations[0].Body-error']"));

        using var saved = await HtmlPage.SubmitAsync(admin, Form(editor), $"/admin/notifications/{ruleId}",
            HtmlPage.FormValues(Form(editor), ("Tasks[0].Translations[0].Subject", "C’est noté, {{customer.name}}")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tasks = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Id == ruleId).Select(r => r.Tasks).SingleAsync());
        Assert.Equal("C’est noté, {{customer.name}}", tasks[0].TranslationFor("fr")?.Subject);
        Assert.Equal("Booking confirmed: {{page.title}}", tasks[0].Subject);
    }

    [Fact]
    public async Task ADisabledRule_SendsNothing()
    {
        using var admin = await SignInAsync();
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Where(r => r.Name == "Booking confirmed").Select(r => r.Id).SingleAsync());
        var editor = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var values = HtmlPage.FormValues(Form(editor)).Where(f => f.Name != "Enabled").ToArray();

        using var saved = await HtmlPage.SubmitAsync(admin, Form(editor), $"/admin/notifications/{ruleId}", values);
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SessionLineageId == null)));
    }

    [Fact]
    public async Task CreatingAPage_WithItsOwnHoursAndAnException_OffersExactlyThoseTimes()
    {
        using var admin = await SignInAsync();
        var form = await HtmlPage.GetAsync(admin, "/admin/pages/new");
        var values = HtmlPage.FormValues(PageForm(form), ("Slug", "intro-call"), ("Title", "Intro call"), ("OwnerName", "Kim Lee"), ("OwnerEmail", "kim@example.com"),
            ("TimeZoneId", "Europe/Paris"), ("SessionMinutes", "60"), ("SlotIntervalMinutes", "60"),
            ("Hours[0]", ""), ("Hours[1]", "10:00-12:00"), ("Hours[2]", ""), ("Hours[3]", ""), ("Hours[4]", ""), ("Overrides", "2026-03-10 closed\n2026-03-12 15:00-16:00"));

        using (var wrong = await HtmlPage.SubmitAsync(admin, PageForm(form), "/admin/pages/new", [.. values.Where(v => v.Name != "Hours[1]"), ("Hours[1]", "10-12")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.NotNull((await HtmlPage.ParseAsync(wrong)).QuerySelector("[id='Hours[1]-error']"));
        }

        using var created = await HtmlPage.SubmitAsync(admin, PageForm(form), "/admin/pages/new", values);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(["2026-03-03T10:00:00+01:00", "2026-03-03T11:00:00+01:00"], await FreeStartsAsync("intro-call", "2026-03-03", "Europe/Paris"));
        Assert.Empty(await FreeStartsAsync("intro-call", "2026-03-10", "Europe/Paris"));
        Assert.Equal(["2026-03-12T15:00:00+01:00"], await FreeStartsAsync("intro-call", "2026-03-12", "Europe/Paris"));
        Assert.Empty(await FreeStartsAsync("intro-call", "2026-03-04", "Europe/Paris"));
        var page = await GetJsonAsync("/api/booking-pages/intro-call");
        Assert.True(page.GetProperty("manage").GetProperty("enabled").GetBoolean()); // a new page starts with self-service on
    }

    [Fact]
    public async Task ThemeSettings_ApplyToTheCustomerPagesAtOnce_AndCannotInjectMarkup()
    {
        await AdminSession.CreateUserAsync(App, "editor@example.test", Permissions.EditorRole);
        using var editor = await AdminSession.SignInAsync(App, "editor@example.test");
        var form = await HtmlPage.GetAsync(editor, "/admin/theme");
        var themeForm = form.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == "/admin/theme");

        using (var bad = await HtmlPage.SubmitAsync(editor, themeForm, "/admin/theme", ("BrandColor", "red; } body { display:none")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.NotNull((await HtmlPage.ParseAsync(bad)).QuerySelector("#BrandColor-error"));
        }

        using var saved = await HtmlPage.SubmitAsync(editor, themeForm, "/admin/theme",
            ("SiteName", "Rivera Studio"), ("BrandColor", "#7A1F5C"), ("CustomCss", ".mb-title { letter-spacing: .02em; } </style><script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var response = await Client.GetAsync(new Uri("/book/30-minute-meeting", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("--mb-brand: #7a1f5c;", html, StringComparison.Ordinal);
        Assert.Contains(".mb-title { letter-spacing: .02em; }", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Equal("Rivera Studio", (await HtmlPage.ParseAsync(response)).QuerySelector(".mb-site-name")?.TextContent.Trim());
    }

    [Fact]
    public async Task ThemeSettings_RefuseABrandColourCustomersCouldNotRead_AndSuggestAShadeThatReads()
    {
        await AdminSession.CreateUserAsync(App, "editor@example.test", Permissions.EditorRole);
        using var editor = await AdminSession.SignInAsync(App, "editor@example.test");
        var themeForm = (await HtmlPage.GetAsync(editor, "/admin/theme")).QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == "/admin/theme");

        using var pale = await HtmlPage.SubmitAsync(editor, themeForm, "/admin/theme", ("BrandColor", "#FFD84D"), ("AccentColor", "#0f7b6c"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, pale.StatusCode);
        var message = (await HtmlPage.ParseAsync(pale)).QuerySelector("#BrandColor-error")?.TextContent ?? "";
        Assert.Contains("contrast of 1.3:1", message, StringComparison.Ordinal);
        var suggestion = System.Text.RegularExpressions.Regex.Match(message, "#[0-9a-f]{6}(?= reads well)").Value;
        Assert.True(ManageBooking.Theming.ThemePalette.LightContrast(suggestion) >= 4.5, message);
        Assert.False(await App.QueryAsync(db => db.ThemeSettings.AnyAsync()));
    }

    [Fact]
    public async Task TheAdmin_StaysInEnglish_ForABrowserThatAsksForFrench()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        using var admin = await SignInAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var week = await HtmlPage.GetAsync(admin, "/admin/calendar?week=2026-03-04");
        var customerPage = await HtmlPage.GetAsync(admin, "/book/30-minute-meeting?tz=Europe/Paris");

        Assert.Matches(@"^Tue\b", week.QuerySelectorAll(".mb-week__day").ElementAt(2).TextContent.Trim());
        Assert.Matches(@"10:00\sAM", week.QuerySelector(".mb-week__entry")?.TextContent);
        Assert.Equal("fr", customerPage.DocumentElement.GetAttribute("lang")); // the same browser still gets French customer pages
    }

    private static IHtmlFormElement PageForm(IHtmlDocument page) => page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == "/admin/pages/new");


    private async Task<HttpClient> SignInAsync()
    {
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, "admin@example.test");
    }

    private static IHtmlFormElement Form(IHtmlDocument page)
        => page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action")!.StartsWith("/admin/notifications/", StringComparison.Ordinal) && !f.GetAttribute("action")!.EndsWith("/test", StringComparison.Ordinal));

}

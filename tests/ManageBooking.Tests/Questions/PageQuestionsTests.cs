using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Questions;

/// <summary>
/// A booking page's own questions (its content type's fields) through the API, the booking form, the admin and the
/// manage flows; answers kept as they were asked. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class PageQuestionsTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Page = "30-minute-meeting";
    private const string AdminEmail = "admin@example.test";
    private const string Start = "2026-03-03T10:00:00-05:00";

    /// <summary>One question of every kind, the first required.</summary>
    private static readonly QuestionField[] EveryKind =
    [
        new() { Key = "company", Label = "Company", Kind = QuestionKind.ShortText, Required = true },
        new() { Key = "notes", Label = "Anything else?", Kind = QuestionKind.LongText },
        new() { Key = "billing", Label = "Billing email", Kind = QuestionKind.Email },
        new() { Key = "mobile", Label = "Mobile", Kind = QuestionKind.Phone },
        new() { Key = "seats", Label = "Seats", Kind = QuestionKind.Number },
        new() { Key = "plan", Label = "Plan", Kind = QuestionKind.SingleChoice, Choices = ["Basic", "Pro"] },
        new() { Key = "topics", Label = "Topics", Kind = QuestionKind.MultipleChoice, Choices = ["SEO", "Ads", "Email"] },
        new() { Key = "terms", Label = "I accept the terms", Kind = QuestionKind.Checkbox, Required = true },
        new() { Key = "since", Label = "Customer since", Kind = QuestionKind.Date },
    ];

    [Fact]
    public async Task GetPage_ListsItsQuestionsInTheRequestsLanguage()
    {
        var english = await GetJsonAsync("/api/booking-pages/marketing-call");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/booking-pages/marketing-call");
        request.Headers.AcceptLanguage.ParseAdd("fr");
        using var response = await Client.SendAsync(request);
        var french = await response.Content.ReadFromJsonAsync<JsonElement>(Json);

        var questions = english.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["plans", "budget"], questions.Select(q => q.GetProperty("key").GetString()));
        Assert.Equal(("LongText", true), (questions[0].GetProperty("kind").GetString(), questions[0].GetProperty("required").GetBoolean()));
        Assert.Equal(("SingleChoice", false), (questions[1].GetProperty("kind").GetString(), questions[1].GetProperty("required").GetBoolean()));
        Assert.Equal("Under $1,000", questions[1].GetProperty("choices")[0].GetProperty("label").GetString());
        var frenchBudget = french.GetProperty("questions")[1];
        Assert.Equal("Budget mensuel", frenchBudget.GetProperty("label").GetString());
        Assert.Equal(("Under $1,000", "Moins de 1 000 $"), (frenchBudget.GetProperty("choices")[0].GetProperty("value").GetString(), frenchBudget.GetProperty("choices")[0].GetProperty("label").GetString()));
        var meeting = await GetJsonAsync($"/api/booking-pages/{Page}");
        Assert.Equal(("Video", "https://meet.example.com/alex-rivera"), (meeting.GetProperty("location").GetProperty("kind").GetString(), meeting.GetProperty("location").GetProperty("value").GetString()));
        Assert.Empty(meeting.GetProperty("questions").EnumerateArray());
    }

    [Fact]
    public async Task CreateBooking_WithWrongAnswers_Answers400NamingEachQuestionAndBooksNothing()
    {
        await AskEveryKindAsync();

        using var response = await PostBookingAsync(new Dictionary<string, object?>
        {
            // company (required) left out
            ["notes"] = new string('x', 2001),
            ["billing"] = "billing@",
            ["mobile"] = "call me",
            ["seats"] = "a dozen",
            ["plan"] = "Gold",
            ["topics"] = new[] { "SEO", "Print" },
            ["terms"] = "maybe",
            ["since"] = "last year",
            ["colour"] = "blue",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["answers.company"] = "Answer this question.",
                ["answers.notes"] = "An answer can be at most 2000 characters.",
                ["answers.billing"] = "Enter an email address such as name@example.com.",
                ["answers.mobile"] = "Enter a phone number, such as +1 555 010 0199.",
                ["answers.seats"] = "Enter a number, such as 12 or 2.5.",
                ["answers.plan"] = "Choose one of the options offered.",
                ["answers.topics"] = "Choose one of the options offered.",
                ["answers.terms"] = "Answer true or false.",
                ["answers.since"] = "Enter a date as year-month-day, such as 2026-03-09.",
                ["answers.colour"] = "This page has no question with this key.",
            },
            errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!));
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task CreateBooking_AnAnswerOfNoJsonTypeAQuestionTakes_Is400()
    {
        await AskEveryKindAsync();

        using var response = await PostBookingAsync(new Dictionary<string, object?> { ["company"] = new { name = "Acme" }, ["terms"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("answers.company", out _), errors.ToString());
    }

    [Fact]
    public async Task CreateBooking_KeepsTheAnswersWithTheirLabels_AndTheApiShowsThem()
    {
        await AskEveryKindAsync();

        using var response = await PostBookingAsync(new Dictionary<string, object?>
        {
            ["company"] = " Acme Ltd ",
            ["seats"] = 12.5,
            ["topics"] = new[] { "Email", "SEO" },
            ["terms"] = true,
            ["since"] = "2024-05-01",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        var answers = created.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!);
        Assert.Equal(["company", "seats", "topics", "terms", "since"], answers.Keys);
        Assert.Equal(("Company", "Acme Ltd"), (answers["company"].GetProperty("label").GetString(), answers["company"].GetProperty("value").GetString()));
        Assert.Equal("12.5", answers["seats"].GetProperty("value").GetString());
        Assert.Equal(["SEO", "Email"], answers["topics"].GetProperty("value").EnumerateArray().Select(v => v.GetString())); // the page's order
        Assert.True(answers["terms"].GetProperty("value").GetBoolean());
        var token = created.GetProperty("manageUrl").GetString()!.Split('/')[^1];
        var managed = await GetJsonAsync($"/api/manage/{token}");
        Assert.Equal(5, managed.GetProperty("answers").GetArrayLength());
        var stored = await App.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal(("since", "Customer since", "2024-05-01"), (stored.Answers[^1].Key, stored.Answers[^1].Label, stored.Answers[^1].Value));
    }

    [Fact]
    public async Task BookingForm_AsksEachQuestion_AndPutsEachMessageBesideItsField()
    {
        await AskEveryKindAsync();
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await HtmlPage.GetAsync(client, $"/book/{Page}?tz=America/New_York");
        var form = page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;

        Assert.Equal("text", page.QuerySelector<IHtmlInputElement>("#q-company")?.Type);
        Assert.NotNull(page.QuerySelector("textarea#q-notes"));
        Assert.Equal(("email", "tel", "number", "date"), (page.QuerySelector<IHtmlInputElement>("#q-billing")!.Type, page.QuerySelector<IHtmlInputElement>("#q-mobile")!.Type, page.QuerySelector<IHtmlInputElement>("#q-seats")!.Type, page.QuerySelector<IHtmlInputElement>("#q-since")!.Type));
        Assert.Equal(2, page.QuerySelectorAll("input[type=radio][name='answers.plan']").Length);
        Assert.Equal(3, page.QuerySelectorAll("input[type=checkbox][name='answers.topics']").Length);
        Assert.Equal("Company", page.QuerySelector("label[for=q-company]")?.TextContent.Trim());

        using var bad = await HtmlPage.SubmitAsync(client, form, $"/book/{Page}",
            ("Starts", Start), ("Name", "Grace Hopper"), ("Email", "grace@example.com"), ("answers.seats", "lots"), ("answers.plan", "Gold"), ("answers.billing", "b@x"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var shown = await HtmlPage.ParseAsync(bad);
        Assert.Equal("Answer this question.", shown.GetElementById("answers.company-error")?.TextContent.Trim());
        Assert.Equal("Enter a number, such as 12 or 2.5.", shown.GetElementById("answers.seats-error")?.TextContent.Trim());
        Assert.Equal("Choose one of the options offered.", shown.GetElementById("answers.plan-error")?.TextContent.Trim());
        Assert.Equal("Tick this box to continue.", shown.GetElementById("answers.terms-error")?.TextContent.Trim());
        Assert.Equal("true", shown.QuerySelector("#q-seats")?.GetAttribute("aria-invalid"));
        Assert.Contains("answers.seats-error", shown.QuerySelector("#q-seats")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("lots", shown.QuerySelector<IHtmlInputElement>("#q-seats")?.Value); // what was typed stays

        var again = shown.QuerySelector<IHtmlFormElement>("form.mb-book-form")!;
        using var good = await HtmlPage.SubmitAsync(client, again, $"/book/{Page}",
            ("Starts", Start), ("Name", "Grace Hopper"), ("Email", "grace@example.com"), ("answers.company", "Navy"), ("answers.terms", "true"),
            ("answers.topics", "Ads"), ("answers.topics", "SEO"));

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var stored = await App.QueryAsync(db => db.Bookings.SingleAsync());
        Assert.Equal(["company", "topics", "terms"], stored.Answers.Select(a => a.Key));
        Assert.Equal(["SEO", "Ads"], stored.Answers[1].Values);
    }

    [Fact]
    public async Task Answers_RenamedOrRemovedQuestions_KeepTheLabelsTheyWereAskedUnder()
    {
        var (_, token) = await BookWithTokenAsync("marketing-call", Start);
        await App.ArrangeAsync(async db =>
        {
            var page = await db.BookingPages.SingleAsync(p => p.Slug == "marketing-call");
            page.Questions = [new QuestionField { Key = "budget", Label = "Budget per month (renamed)", Kind = QuestionKind.SingleChoice, Choices = ["Small", "Large"] }];
        });
        using var admin = await SignedInAsync();
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

        var managed = await GetJsonAsync($"/api/manage/{token}");
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");

        var answer = Assert.Single(managed.GetProperty("answers").EnumerateArray());
        Assert.Equal(("plans", "What are your marketing plans?", "A spring launch of our new bakery."), (answer.GetProperty("key").GetString(), answer.GetProperty("label").GetString(), answer.GetProperty("value").GetString()));
        var rows = detail.QuerySelectorAll(".mb-answer").ToList();
        Assert.Equal(["plans", "budget"], rows.Select(r => r.GetAttribute("data-key")));
        Assert.Contains("What are your marketing plans?", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("no longer asked", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("A spring launch of our new bakery.", rows[0].QuerySelector(".mb-answer__value")?.TextContent.Trim());
        Assert.Equal("—", rows[1].QuerySelector(".mb-answer__value")?.TextContent.Trim()); // asked now, not then
    }

    [Fact]
    public async Task Reschedule_OfAPageWithRequiredQuestions_NeverAsksThemAgain()
    {
        var (_, token) = await BookWithTokenAsync("marketing-call", Start);
        var manage = $"/booking/manage/{token}";
        var session = (await GetJsonAsync($"/api/manage/{token}")).GetProperty("sessions")[0].GetProperty("id").GetString();

        var picker = await HtmlPage.GetAsync(Client, $"{manage}/reschedule?tz=America/New_York");
        var review = await HtmlPage.GetAsync(Client, $"{manage}/reschedule/review?session={session}&start={Uri.EscapeDataString("2026-03-05T11:00:00-05:00")}&tz=America/New_York");
        using var posted = await HtmlPage.SubmitAsync(Client, review.QuerySelector<IHtmlFormElement>("form[method=post]:not(.mb-culture-picker)")!, $"{manage}/reschedule", ("Reason", "Thursday suits better"));

        Assert.Empty(picker.QuerySelectorAll("[name^='answers.']"));
        Assert.Empty(review.QuerySelectorAll("[name^='answers.']"));
        Assert.Equal("New time requested", (await HtmlPage.ParseAsync(posted)).QuerySelector("h1")?.TextContent.Trim());
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.Sessions).SingleAsync());
        Assert.Equal(1, booking.RescheduleCount);
        Assert.Equal("A spring launch of our new bakery.", Assert.Single(booking.Answers).Value);
    }

    [Fact]
    public async Task StaffCorrection_ChangesTheAnswer_AndTheHistorySaysWhoAndWhat()
    {
        await BookWithTokenAsync("marketing-call", Start);
        using var admin = await SignedInAsync();
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        var action = $"/admin/bookings/{id}/answers";
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        var form = detail.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == action && f.QuerySelector("input[name=key]")?.GetAttribute("value") == "plans");

        using var posted = await HtmlPage.SubmitAsync(admin, form, action, ("values", "A summer launch instead."));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).SingleAsync());
        Assert.Equal("A summer launch instead.", booking.Answers.Single().Value);
        var entry = booking.History.Single(h => h.Action == HistoryAction.AnswerCorrected);
        Assert.Equal((Actor.Staff, AdminEmail), (entry.Actor, entry.ActorName));
        Assert.Equal("What are your marketing plans?: A spring launch of our new bakery. \u2192 A summer launch instead.", entry.Detail);
        var after = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Contains("A summer launch instead.", after.QuerySelector(".mb-history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Answer corrected", after.QuerySelector(".mb-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCorrection_ThatTheQuestionRefuses_ChangesNothing()
    {
        await AskEveryKindAsync();
        using (var created = await PostBookingAsync(new Dictionary<string, object?> { ["company"] = "Acme", ["terms"] = true, ["seats"] = 3 }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var admin = await SignedInAsync();
        var id = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        var action = $"/admin/bookings/{id}/answers";
        var detail = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        var form = detail.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == action && f.QuerySelector("input[name=key]")?.GetAttribute("value") == "seats");

        using var posted = await HtmlPage.SubmitAsync(admin, form, action, ("values", "three"));

        var after = await HtmlPage.GetAsync(admin, $"/admin/bookings/{id}");
        Assert.Contains("Enter a number", after.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        var booking = await App.QueryAsync(db => db.Bookings.Include(b => b.History).SingleAsync());
        Assert.Equal("3", booking.Answers.Single(a => a.Key == "seats").Value);
        Assert.DoesNotContain(booking.History, h => h.Action == HistoryAction.AnswerCorrected);
    }

    [Fact]
    public async Task ThePageEditor_AddsRenamesAndRemovesQuestions_AndSaysWhatIsWrongBesideTheField()
    {
        using var admin = await SignedInAsync();
        var pageId = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "marketing-call").Select(p => p.Id).SingleAsync());
        var editor = await HtmlPage.GetAsync(admin, $"/admin/pages/{pageId}");
        var form = editor.QuerySelector<IHtmlFormElement>("form[action^='/admin/pages']")!;

        using var refused = await HtmlPage.SubmitAsync(admin, form, $"/admin/pages/{pageId}", HtmlPage.FormValues(form, ("Questions[2].Key", "Company Name"), ("Questions[2].Label", "Company")));

        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)refused.StatusCode}");
        var shown = await HtmlPage.ParseAsync(refused);
        Assert.Contains("lower-case letters", shown.QuerySelector("#q2-key")?.ParentElement?.QuerySelector(".mb-field-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await App.QueryAsync(db => db.BookingPages.SingleAsync(p => p.Id == pageId))).Questions.Count);

        using var saved = await HtmlPage.SubmitAsync(admin, form, $"/admin/pages/{pageId}", HtmlPage.FormValues(form,
            ("Questions[0].Label", "Your marketing plans"),
            ("Questions[0].Translations[0].Label", "Vos projets marketing"),
            ("Questions[1].Remove", "true"),
            ("Questions[2].Key", "company"), ("Questions[2].Label", "Company"), ("Questions[2].Kind", "ShortText"), ("Questions[2].Required", "true"), ("Questions[2].Order", "0")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var questions = (await App.QueryAsync(db => db.BookingPages.SingleAsync(p => p.Id == pageId))).Questions;
        Assert.Equal(["company", "plans"], questions.Select(q => q.Key));
        Assert.Equal(("Company", true), (questions[0].Label, questions[0].Required));
        Assert.Equal(("Your marketing plans", "Vos projets marketing"), (questions[1].Label, questions[1].In("fr").Label));
        var page = await HtmlPage.GetAsync(Client, "/book/marketing-call");
        Assert.Equal(["q-company", "q-plans"], page.QuerySelectorAll("[id^='q-']:not([id$='-help'])").Select(e => e.Id));
    }

    private Task AskEveryKindAsync()
        => App.ArrangeAsync(async db => (await db.BookingPages.SingleAsync(p => p.Slug == Page)).Questions = [.. EveryKind]);

    private Task<HttpResponseMessage> PostBookingAsync(Dictionary<string, object?> answers)
        => Client.PostAsJsonAsync(
            new Uri($"/api/booking-pages/{Page}/bookings", UriKind.Relative),
            new { name = "Ada Lovelace", email = "ada@example.com", timeZone = "Europe/London", starts = new[] { Start }, answers },
            Json);

    private async Task<HttpClient> SignedInAsync()
    {
        await AdminSession.CreateUserAsync(App, AdminEmail, Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, AdminEmail);
    }
}

public sealed class SqlitePageQuestionsTests() : PageQuestionsTests(DatabaseProvider.Sqlite);

public sealed class PostgresPageQuestionsTests() : PageQuestionsTests(DatabaseProvider.Postgres);

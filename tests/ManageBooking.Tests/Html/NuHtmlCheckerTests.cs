using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Html;

/// <summary>
/// Every customer page, the 404 page and every admin screen, checked by the W3C Nu HTML Checker (npm vnu-jar on Debian's
/// Java) in one run of one JVM: no errors. Admin screens are found from the admin menu, so a screen added later is checked.
/// </summary>
public sealed class NuHtmlCheckerTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private readonly Dictionary<string, string> _pages = [];

    [Fact]
    public async Task EveryPage_HasNoErrors()
    {
        await CollectCustomerPagesAsync();
        await CollectAdminScreensAsync();

        var folder = Directory.CreateTempSubdirectory("managebooking-vnu-");
        try
        {
            foreach (var (name, html) in _pages)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".html"), html);
            }

            var jar = Path.Combine(NodeTools.Folder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
            Assert.True(File.Exists(jar), $"{jar} is missing: ./test.sh installs vnu-jar with npm ci.");
            var (_, output, errors) = await Processes.RunAsync(
                "java", ["-jar", jar, "--format", "json", "--stdout", "--errors-only", .. _pages.Keys.Select(n => Path.Combine(folder.FullName, n + ".html"))]);
            Assert.False(string.IsNullOrWhiteSpace(output), $"vnu wrote nothing on standard output:\n{errors}");
            var messages = JsonSerializer.Deserialize<JsonElement>(output).GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
                .Select(m => $"{Path.GetFileName(m.TryGetProperty("url", out var url) ? url.GetString() : "?")}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)} {m.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(messages.Count == 0, $"{messages.Count} errors in {_pages.Count} pages:\n{string.Join('\n', messages)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task CollectCustomerPagesAsync()
    {
        using var browser = Browser(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var slugs = (await GetJsonAsync("/api/booking-pages")).EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).ToList();
        Assert.NotEmpty(slugs);
        foreach (var slug in slugs)
        {
            await AddAsync(browser, $"book-{slug}", $"/book/{slug}");
        }

        var page = await HtmlPage.GetAsync(browser, "/book/30-minute-meeting?tz=America/New_York");
        using (var posted = await HtmlPage.SubmitAsync(browser, page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!, "/book/30-minute-meeting",
            ("Starts", "2026-03-02T11:00:00-05:00"), ("Name", "Grace Hopper"), ("Email", "grace@example.com")))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        await AddAsync(browser, "book-confirmed", "/book/30-minute-meeting/confirmed");
        using (var refused = await HtmlPage.SubmitAsync(browser, page.QuerySelector<IHtmlFormElement>("form.mb-book-form")!, "/book/30-minute-meeting",
            ("Starts", "2026-03-02T11:00:00-05:00"), ("Name", ""), ("Email", "not an address")))
        {
            _pages["book-form-errors"] = await refused.Content.ReadAsStringAsync(); // messages beside the fields
        }

        var (booking, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var session = booking.GetProperty("sessions")[0].GetProperty("id").GetString();
        var manage = $"/booking/manage/{token}";
        await AddAsync(browser, "manage", manage);
        await AddAsync(browser, "manage-cancel", manage + "/cancel");
        await AddAsync(browser, "manage-reschedule", manage + "/reschedule");
        await AddAsync(browser, "manage-reschedule-choose", $"{manage}/reschedule?session={session}");
        await AddAsync(browser, "manage-review", $"{manage}/reschedule/review?session={session}&start=2026-03-04T11:00:00-05:00");
        await AddAsync(browser, "manage-keep", manage + "/keep");
        await AddAsync(browser, "manage-unknown-link", $"/booking/manage/{TestLinkKeys.UnknownToken()}", HttpStatusCode.NotFound);
        await AddAsync(browser, "lost-link", "/booking/lost-link");
        await AddAsync(browser, "not-found", "/book/no-such-page", HttpStatusCode.NotFound);
    }

    private async Task CollectAdminScreensAsync()
    {
        using var signedOut = Browser(App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await AddAsync(signedOut, "admin-setup", "/admin/setup"); // first run: no administrator yet
        await AdminSession.CreateUserAsync(App, "owner@example.com", ManageBooking.Permissions.AdministratorRole);
        await AddAsync(signedOut, "admin-login", "/admin/login");
        using var admin = Browser(await AdminSession.SignInAsync(App, "owner@example.com"));
        await BookWithTokenAsync("30-minute-meeting", "2026-03-05T10:00:00-05:00");
        var screens = App.Services.GetServices<AdminMenuItem>().Select(i => i.Url).Distinct().ToList(); // "/admin" itself redirects to the first
        Assert.True(screens.Count >= 5, $"only {screens.Count} admin screens in the menu");
        foreach (var url in screens)
        {
            await AddAsync(admin, "admin" + url.Replace('/', '-'), url);
        }

        var bookingId = await App.QueryAsync(db => db.Bookings.Select(b => b.Id).FirstAsync());
        var pageId = await App.QueryAsync(db => db.BookingPages.Select(p => p.Id).FirstAsync());
        var ruleId = await App.QueryAsync(db => db.NotificationRules.Select(r => r.Id).FirstAsync());
        await AddAsync(admin, "admin-booking", $"/admin/bookings/{bookingId}");
        var sessionId = await App.QueryAsync(db => db.BookingSessions.Where(s => s.BookingId == bookingId).Select(s => s.Id).FirstAsync());
        await AddAsync(admin, "admin-reschedule", $"/admin/bookings/{bookingId}/reschedule?session={sessionId}");
        await AddAsync(admin, "admin-reschedule-review", $"/admin/bookings/{bookingId}/reschedule/review?session={sessionId}&start=2026-03-06T10:00:00-05:00");
        await AddAsync(admin, "admin-cancel", $"/admin/bookings/{bookingId}/cancel?session={sessionId}");
        await AddAsync(admin, "admin-cancel-choose", $"/admin/bookings/{bookingId}/cancel?session={Guid.NewGuid()}", HttpStatusCode.UnprocessableEntity);
        await AddAsync(admin, "admin-booking-new", "/admin/bookings/new");
        var packageId = await App.QueryAsync(db => db.BookingPages.Where(p => p.SessionsPerBooking > 1).Select(p => p.Id).FirstAsync());
        var questionsId = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "marketing-call").Select(p => p.Id).FirstAsync());
        await AddAsync(admin, "admin-booking-new-package", $"/admin/bookings/new/{packageId}");
        await AddAsync(admin, "admin-booking-new-questions", $"/admin/bookings/new/{questionsId}");
        await AddAsync(admin, "admin-page", $"/admin/pages/{pageId}");
        await AddAsync(admin, "admin-page-new", "/admin/pages/new");
        await AddAsync(admin, "admin-rule", $"/admin/notifications/{ruleId}");
        await AddAsync(admin, "admin-rule-new", "/admin/notifications/new");
        await AddAsync(admin, "admin-rule-delete", $"/admin/notifications/{ruleId}/delete");

        // The rule editor's preview, as its Preview button posts the editor's form (the first task's email, in each language).
        var editor = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var form = editor.QuerySelector<IHtmlFormElement>("form.mb-rule-form")!;
        using var preview = await HtmlPage.SubmitAsync(admin, form, "/admin/notifications/preview", [.. HtmlPage.FormValues(form), ("PreviewTask", editor.QuerySelector<IHtmlInputElement>("[name='Tasks[0].Id']")!.Value)]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        _pages["admin-rule-preview"] = await preview.Content.ReadAsStringAsync();
        await AddAsync(admin, "admin-denied", "/admin/denied", HttpStatusCode.Forbidden);
    }

    private async Task AddAsync(HttpClient client, string name, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}, not {(int)expected}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        _pages[name] = await response.Content.ReadAsStringAsync();
    }

    /// <summary>A client that asks for pages as a browser does.</summary>
    private static HttpClient Browser(HttpClient client)
    {
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }
}

using System.Net;
using System.Net.Http.Json;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.Admin;

/// <summary>The bookings list exported as CSV: the current filter, answers as columns, nothing a spreadsheet would run.</summary>
public abstract class BookingExportTests(DatabaseProvider provider) : AppTestBase(provider)
{
    [Fact]
    public async Task TheExport_HoldsTheFilteredBookings_AnswersAsColumns_AndNoFormulas()
    {
        await BookAsync("=HYPERLINK(\"http://evil.example\"), \"Ada\"", "30-minute-meeting", "2026-03-03T10:00:00-05:00", null);
        await BookAsync("Grace Hopper", "marketing-call", "2026-03-03T13:00:00-05:00", new Dictionary<string, object> { ["plans"] = "Launch, then \"grow\"" });
        await AdminSession.CreateUserAsync(App, "manager@example.test", Permissions.BookingManagerRole);
        using var manager = await AdminSession.SignInAsync(App, "manager@example.test");
        var list = await HtmlPage.GetAsync(manager, "/admin/bookings?filter=all");
        var href = System.Net.WebUtility.HtmlDecode(list.QuerySelector("a.mb-export")!.GetAttribute("href")!);

        var all = await CsvAsync(manager, href);
        Assert.Equal(3, all.Count);
        Assert.Equal("Reference", all[0][0]);
        Assert.Equal("Answers", all[0][^1]);
        var hostile = all.Single(r => r[3].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.StartsWith("'=", hostile[3], StringComparison.Ordinal);
        Assert.Equal(("2026-03-03 10:00", "America/New_York"), (hostile[7], hostile[8]));
        Assert.Contains("Launch, then \"grow\"", all.Single(r => r[3] == "Grace Hopper")[^1], StringComparison.Ordinal);

        var marketing = await CsvAsync(manager, "/admin/bookings/export.csv?filter=all&page=marketing-call");
        Assert.Equal(2, marketing.Count);
        Assert.Equal("Launch, then \"grow\"", marketing[1][marketing[0].IndexOf(marketing[0].Single(h => h.Contains("plans", StringComparison.OrdinalIgnoreCase) || h.Contains("plan", StringComparison.OrdinalIgnoreCase)))]);

        var searched = await CsvAsync(manager, "/admin/bookings/export.csv?filter=all&q=grace");
        Assert.Equal(["Grace Hopper"], searched.Skip(1).Select(r => r[3]));

        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refused = await anonymous.GetAsync(new Uri("/admin/bookings/export.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    private async Task BookAsync(string name, string slug, string start, Dictionary<string, object>? answers)
    {
        using var response = await Client.PostAsJsonAsync(
            new Uri($"/api/booking-pages/{slug}/bookings", UriKind.Relative),
            new { name, email = "ada@example.com", timeZone = "Europe/London", starts = new[] { start }, answers },
            Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<List<List<string>>> CsvAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>RFC 4180, read independently of the writer.</summary>
    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}

public sealed class SqliteBookingExportTests() : BookingExportTests(DatabaseProvider.Sqlite);

public sealed class PostgresBookingExportTests() : BookingExportTests(DatabaseProvider.Postgres);

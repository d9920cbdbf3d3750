using System.Net;
using System.Net.Http.Json;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>Admin search with any Unicode: emoji find their customer, NULs and FTS5 syntax are only text.</summary>
public abstract class UnicodeSearchTests(DatabaseProvider provider) : AppTestBase(provider)
{
    [Fact]
    public async Task AnEmojiFragment_FindsItsCustomer_AndNulsOrSyntaxAnswerAList()
    {
        using var created = await Client.PostAsJsonAsync(
            new Uri("/api/booking-pages/30-minute-meeting/bookings", UriKind.Relative),
            new { name = "Zoë \u202E😀xy\u200B Lovelace", email = "zoe@example.com", timeZone = "Europe/London", starts = new[] { "2026-03-03T10:00:00-05:00" } },
            Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Zoë 😀xy Lovelace", await App.QueryAsync(db => db.Bookings.Select(b => b.CustomerName).SingleAsync()));
        await AdminSession.CreateUserAsync(App, "admin@example.test", ManageBooking.Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");

        var found = await HtmlPage.GetAsync(admin, "/admin/bookings?filter=all&q=" + Uri.EscapeDataString("😀x"));
        Assert.Contains("Zoë 😀xy Lovelace", found.Body!.TextContent, StringComparison.Ordinal);

        foreach (var search in new[] { "%00%00%00", "%22%2A%22", "NEAR(a%20b)", "%F0%9F%98%80", "%ED%A0%BDx" })
        {
            using var response = await admin.GetAsync(new Uri("/admin/bookings?filter=all&q=" + search, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

public sealed class SqliteUnicodeSearchTests() : UnicodeSearchTests(DatabaseProvider.Sqlite);

public sealed class PostgresUnicodeSearchTests() : UnicodeSearchTests(DatabaseProvider.Postgres);

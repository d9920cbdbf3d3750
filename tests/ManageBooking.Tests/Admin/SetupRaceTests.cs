using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Admin;

/// <summary>First-run setup posted twelve times at once makes exactly one administrator.</summary>
public abstract class SetupRaceTests(DatabaseProvider provider) : AppTestBase(provider)
{
    [Fact]
    public async Task TwelveConcurrentSetups_MakeOneAdministrator()
    {
        var clients = new List<(HttpClient Client, IHtmlFormElement Form)>();
        for (var i = 0; i < 12; i++)
        {
            var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var page = await HtmlPage.GetAsync(client, "/admin/setup");
            clients.Add((client, page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == "/admin/setup")));
        }

        using var start = new SemaphoreSlim(0);
        var posts = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            using var response = await HtmlPage.SubmitAsync(c.Client, c.Form, "/admin/setup", ("Email", $"owner{i}@example.test"), ("Password", "a long enough password"));
            return response.StatusCode;
        }).ToList();
        start.Release(12);
        var statuses = await Task.WhenAll(posts);

        Assert.Single(statuses, s => s == HttpStatusCode.Redirect);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Redirect), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(1, await App.QueryAsync(db => db.Users.CountAsync()));
        await using var scope = App.CreateScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().GetUsersInRoleAsync(ManageBooking.Permissions.AdministratorRole));
        foreach (var (client, _) in clients)
        {
            client.Dispose();
        }
    }
}

public sealed class SqliteSetupRaceTests() : SetupRaceTests(DatabaseProvider.Sqlite);

public sealed class PostgresSetupRaceTests() : SetupRaceTests(DatabaseProvider.Postgres);

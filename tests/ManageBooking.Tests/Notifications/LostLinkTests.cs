using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Notifications;

/// <summary>"Lost your link?": one email of working links to a known address, the same page for any other, and limits.</summary>
public abstract partial class LostLinkTests(DatabaseProvider provider) : AppTestBase(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ManageBooking:LostLink:RequestsPerAddressPerHour"] = "2",
        ["ManageBooking:LostLink:RequestsPerClientPerHour"] = "6",
    };

    [Fact]
    public async Task AKnownAddress_GetsOneEmailWhoseLinksOpenItsBookings_AndAnUnknownOneTheSamePageAndNoEmail()
    {
        var (_, meeting) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var (_, package) = await BookWithTokenAsync("15-minute-package", "2026-03-04T09:00:00-05:00", "2026-03-05T09:00:00-05:00", "2026-03-06T09:00:00-05:00");
        await App.DispatchAsync();
        foreach (var file in Directory.GetFiles(App.MailFolder))
        {
            File.Delete(file);
        }

        var known = await AskAsync("ADA@example.com");
        var unknown = await AskAsync("nobody@example.com");

        Assert.Equal(known, unknown); // the same words, whichever address
        Assert.Equal(1, await App.DispatchAsync());
        var mail = SmtpSink.DecodeFile(Assert.Single(Directory.GetFiles(App.MailFolder, "*.eml")));
        Assert.Contains("ada@example.com", mail.GetProperty("to")[0].GetString(), StringComparison.Ordinal);
        var tokens = ManageLink().Matches(mail.Html()).Select(m => m.Groups["token"].Value).Distinct().ToList();
        Assert.Equal([meeting, package], tokens);
        foreach (var token in tokens)
        {
            using var opened = await Client.GetAsync(new Uri($"/booking/manage/{token}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
    }

    [Fact]
    public async Task GettingThePage_ChangesNothing()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var before = await App.QueryAsync(db => db.OutboxMessages.CountAsync());

        foreach (var url in new[] { "/booking/lost-link", "/booking/lost-link?Email=ada@example.com", "/booking/lost-link/sent" })
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before, await App.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task RepeatedRequestsForOneAddress_Get429_KnownOrNot()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        foreach (var address in new[] { "ada@example.com", "nobody@example.com" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(address)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(address)).StatusCode);
            using var limited = await PostAsync(address);
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.NotNull(limited.Headers.RetryAfter);
        }

        Assert.Equal(2, await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Summary.StartsWith("ada@example.com · Your bookings"))));
    }

    [Fact]
    public async Task OneClientAskingForManyAddresses_Gets429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await PostAsync($"someone{i}@example.com");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(6), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task AnAddressThatIsNotOne_GetsAMessageBesideTheField()
    {
        using var response = await PostAsync("not an address");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await HtmlPage.ParseAsync(response)).QuerySelector("#Email-error"));
    }

    [Fact]
    public async Task TheNotFoundPageOfADeadLink_AndTheFooter_LeadToThePage()
    {
        using var dead = await Client.GetAsync(new Uri($"/booking/manage/{TestLinkKeys.UnknownToken()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, dead.StatusCode);
        var page = await HtmlPage.ParseAsync(dead);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/booking/lost-link");
        Assert.Contains(page.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/booking/lost-link");
    }

    /// <summary>Posts the page's own form, as a browser would, and returns the page the customer ends on.</summary>
    private async Task<string> AskAsync(string address)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });
        var form = (await HtmlPage.GetAsync(client, "/booking/lost-link")).QuerySelector<IHtmlFormElement>("form.mb-form")!;
        using var response = await HtmlPage.SubmitAsync(client, form, "/booking/lost-link", ("Email", address));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await HtmlPage.ParseAsync(response)).QuerySelector("main")!.TextContent;
    }

    private async Task<HttpResponseMessage> PostAsync(string address)
    {
        using var noRedirects = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = (await HtmlPage.GetAsync(noRedirects, "/booking/lost-link")).QuerySelector<IHtmlFormElement>("form.mb-form")!;
        return await HtmlPage.SubmitAsync(noRedirects, form, "/booking/lost-link", ("Email", address));
    }

    [GeneratedRegex(@"/booking/manage/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();
}

public sealed class SqliteLostLinkTests() : LostLinkTests(DatabaseProvider.Sqlite);

public sealed class PostgresLostLinkTests() : LostLinkTests(DatabaseProvider.Postgres);

using System.Net;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.Pages;

/// <summary>An unknown customer address: a themed page in the visitor's language for a browser, problem details for JSON.</summary>
public sealed class NotFoundPageTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("/book/no-such-page")]
    [InlineData("/booking/no-such-thing")]
    public async Task ABrowser_GetsAThemedPageInItsLanguage(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await HtmlPage.ParseAsync(response);
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Nous n’avons pas trouvé cette page", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet]")); // the theme's
    }

    [Fact]
    public async Task AJsonClient_GetsProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/book/no-such-page", UriKind.Relative));
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

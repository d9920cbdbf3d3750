using AngleSharp.Dom;
using System.Net;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Security;

/// <summary>Every kind of response carries the security headers: pages, manage pages, API, admin, static files and errors.</summary>
public sealed class SecurityHeadersTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    public const string ThrowPath = "/test-only/throw";

    private static readonly string[] CustomerRoutes = ["/book/30-minute-meeting", "/book/30-minute-meeting?date=2026-03-09"];

    [Fact]
    public async Task EveryRouteKind_OverHttps_CarriesTheHeaders()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        await using var app = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingPath>()));
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://bookings.example.test/"), AllowAutoRedirect = false });

        var routes = new (string Kind, HttpMethod Method, string Url, bool Private)[]
        {
            ("customer page", HttpMethod.Get, CustomerRoutes[0], false),
            ("customer page with a date", HttpMethod.Get, CustomerRoutes[1], false),
            ("manage page", HttpMethod.Get, $"/booking/manage/{token}", true),
            ("manage step", HttpMethod.Get, $"/booking/manage/{token}/cancel", true),
            ("manage page, unknown token", HttpMethod.Get, "/booking/manage/nope", true),
            ("API list", HttpMethod.Get, "/api/booking-pages", false),
            ("API bad input", HttpMethod.Get, "/api/booking-pages/30-minute-meeting/slots?from=nonsense", false),
            ("manage API", HttpMethod.Get, $"/api/manage/{token}", true),
            ("admin sign-in", HttpMethod.Get, "/admin/login", false),
            ("admin redirect", HttpMethod.Get, "/admin/bookings", false),
            ("static stylesheet", HttpMethod.Get, "/_content/ManageBooking.Theme/theme.css", false),
            ("static script", HttpMethod.Get, "/_content/ManageBooking.Module/js/book.js", false),
            ("not found", HttpMethod.Get, "/no/such/page", false),
            ("antiforgery refusal", HttpMethod.Post, "/book/30-minute-meeting", false),
            ("server error", HttpMethod.Get, ThrowPath, false),
        };

        foreach (var (kind, method, url, isPrivate) in routes)
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            if (method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent([]);
            }

            using var response = await https.SendAsync(request);
            var headers = HeadersOf(response);
            var csp = Header(headers, "Content-Security-Policy", kind);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(headers, "X-Content-Type-Options", kind));
            Assert.Equal("DENY", Header(headers, "X-Frame-Options", kind));
            Assert.Contains("camera=()", Header(headers, "Permissions-Policy", kind), StringComparison.Ordinal);
            Assert.Equal("max-age=31536000", Header(headers, "Strict-Transport-Security", kind));
            Assert.Equal(isPrivate ? "no-referrer" : "strict-origin-when-cross-origin", Header(headers, "Referrer-Policy", kind));
            if (isPrivate)
            {
                Assert.Equal("no-store", Header(headers, "Cache-Control", kind));
            }

            if (kind == "server error")
            {
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            }

            if (kind.StartsWith("static", StringComparison.Ordinal))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    [Fact]
    public async Task OverPlainHttp_NoHsts()
    {
        using var response = await Client.GetAsync(new Uri(CustomerRoutes[0], UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task CookiesOverHttps_AreSecureAndHttpOnly()
    {
        using var https = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://bookings.example.test/"), AllowAutoRedirect = false });
        using var page = await https.GetAsync(new Uri(CustomerRoutes[0], UriKind.Relative));
        var form = (await HtmlPage.ParseAsync(page)).QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form").First(f => f.GetAttribute("action") == "/booking/culture");
        using var culture = await HtmlPage.SubmitAsync(https, form, "/booking/culture", ("culture", "fr"));

        Assert.Equal(HttpStatusCode.SeeOther, culture.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(culture.Headers.GetValues("Set-Cookie")).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptAndTheirStyleCarriesTheNonce()
    {
        await App.ArrangeAsync(async db =>
        {
            var theme = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.ThemeSettings) ?? db.ThemeSettings.Add(new ManageBooking.Theming.ThemeSettings()).Entity;
            theme.BrandColor = "#7a1f5c";
        });
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        foreach (var url in new[] { CustomerRoutes[0], $"/booking/manage/{token}", "/admin/login" })
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
            var document = await HtmlPage.ParseAsync(response);

            Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{url} has an inline script"));
            Assert.All(document.QuerySelectorAll("style"), s => Assert.Equal(nonce, s.GetAttribute("nonce")));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style"));
            if (url == CustomerRoutes[0])
            {
                Assert.NotEmpty(document.QuerySelectorAll("style"));
                Assert.NotEmpty(nonce);
            }
        }
    }

    [Fact]
    public async Task ConfiguredFrameAncestors_ReplaceNoneAndDropXFrameOptions()
    {
        await using var app = new ManageBookingApp(App.Database, Clock, new Dictionary<string, string?>
        {
            ["ManageBooking:Security:FrameAncestors"] = "'self' https://www.example.org",
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(CustomerRoutes[0], UriKind.Relative));

        Assert.Contains("frame-ancestors 'self' https://www.example.org;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("ManageBooking:Security:FrameAncestors", "https://a.example; script-src *")]
    [InlineData("ManageBooking:Security:FrameAncestors", "'none' https://a.example")]
    [InlineData("ManageBooking:Security:FrameAncestors", "javascript:alert(1)")]
    [InlineData("ManageBooking:Security:ForwardedHeaders", "10.0.0.300")]
    public async Task InvalidSecuritySettings_StopTheSiteAtStart(string key, string value)
    {
        await using var app = new ManageBookingApp(App.Database, Clock, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ManageBooking:Security", error.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
        => response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    private static string Header(Dictionary<string, string> headers, string name, string kind)
    {
        Assert.True(headers.TryGetValue(name, out var value), $"{kind}: no {name}");
        return value!;
    }

    /// <summary>Makes <see cref="ThrowPath"/> throw after every module middleware, as a bug in a handler would.</summary>
    private sealed class ThrowingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
            => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate following) => context.Request.Path == ThrowPath
                    ? throw new InvalidOperationException("A bug.")
                    : following(context));
            };
    }
}

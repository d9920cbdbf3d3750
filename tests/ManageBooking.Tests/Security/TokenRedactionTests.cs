using ManageBooking.Options;
using ManageBooking.Security;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ManageBooking.Tests.Security;

/// <summary>A manage token never reaches a log line at Trace level, however the URL that carries it is encoded.</summary>
public sealed class TokenRedactionTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Token = "Zm9yZ2V0LW1lLW5vdC1hLXJlYWwtdG9rZW4tYXQtYWxs";

    protected override LogSink? Logs { get; } = new();

    /// <summary>The site's appsettings quiet the framework to Warning; here every category speaks at Trace.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
    };

    [Theory]
    [InlineData("GET /booking/manage/{0}/cancel HTTP/1.1")]
    [InlineData("/admin/login?ReturnUrl=%2Fbooking%2Fmanage%2F{0}")]
    [InlineData("/admin/login?ReturnUrl=%2fbooking%2fmanage%2f{0}%2Fcancel")]
    [InlineData("/admin/login?ReturnUrl=%252Fbooking%252Fmanage%252F{0}")]
    [InlineData("/x?next=https%3A%2F%2Fbookings.example.test%2Fapi%2Fmanage%2F{0}%3Ftz%3DUTC")]
    [InlineData("/x?a=1&next=/api/manage/{0}&b=2")]
    [InlineData("/x?next=%2F%62ooking%2F%6Danage%2F{0}")]
    [InlineData("{{\"manageUrl\":\"https:\\/\\/bookings.example.test\\/booking\\/manage\\/{0}\"}}")]
    [InlineData("{{\"manageUrl\":\"https:\\u002F\\u002Fbookings.example.test\\u002Fbooking\\u002Fmanage\\u002F{0}\"}}")]
    [InlineData("<a href=\"&#x2F;booking&#x2F;manage&#x2F;{0}\">")]
    [InlineData("/booking/manage/{0}")]
    [InlineData("GET /admin/password/{0} HTTP/1.1")]
    [InlineData("/admin/login?ReturnUrl=%2Fadmin%2Fpassword%2F{0}")]
    public void EveryEncodingOfAManageUrl_IsRedacted(string template)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, "not-shaped-like-any-token.Ab~c" + Token[..10]);

        var redacted = TokenRedactor.Redact(text);

        Assert.DoesNotContain(Token[..10], redacted, StringComparison.Ordinal);
        Assert.Contains(TokenRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithoutAManageUrl_KeepsItsEncoding()
        => Assert.Equal("/admin/login?ReturnUrl=%2Fadmin%2Fbookings%3Fpage%3D2", TokenRedactor.Redact("/admin/login?ReturnUrl=%2Fadmin%2Fbookings%3Fpage%3D2"));

    [Fact]
    public async Task EncodedTokens_AreInNoLogLine_AtTraceLevel()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var escaped = Uri.EscapeDataString("/booking/manage/" + token);
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var urls = new[]
        {
            $"/admin/login?ReturnUrl={escaped}",
            $"/admin/login?ReturnUrl={Uri.EscapeDataString(escaped)}",
            $"/admin/bookings?next=/booking/manage/{token}",
            $"/booking/manage/{token}/reschedule?date=2026-03-09&tz=Asia%2FTokyo",
            $"/api/manage/{token}/slots?from=2026-03-09",
            $"/book/30-minute-meeting?back=%2Fapi%2Fmanage%2F{token}",
            $"/no/such/page?next=%2F%62ooking%2F%6Danage%2F{token}",
        };
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        }

        var lines = Logs!.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("ReturnUrl=%2Fbooking%2Fmanage%2F" + TokenRedactor.Mask, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[Trace]", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(token[..20], StringComparison.Ordinal));
    }
}

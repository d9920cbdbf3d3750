using System.Net;
using ManageBooking.Options;
using ManageBooking.Workflows.Webhooks;

namespace ManageBooking.Tests.Workflows;

/// <summary>Every spelling of an inward address is refused, when saved and when sent; public receivers are not.</summary>
public sealed class WebhookTargetGuardTests
{
    private static readonly IPAddress SitePublic = IPAddress.Parse("93.184.216.34");
    private static readonly IPAddress OtherPublic = IPAddress.Parse("93.184.216.35");

    public static TheoryData<string> InwardAddresses => new()
    {
        "http://127.0.0.1:8080/hook", "http://127.1/hook", "http://0x7f000001/hook", "http://2130706433/hook",
        "http://0177.0.0.1/hook", "http://0x7f.1/hook", "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook",
        "http://[::ffff:7f00:1]/hook", "http://169.254.169.254/latest/meta-data/", "http://[::ffff:a9fe:a9fe]/",
        "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.0.1/", "http://100.64.0.1/", "http://[fe80::1]/",
        "http://[fd00::1]/", "http://224.0.0.1/", "http://[ff02::1]/", "http://0.0.0.0:8080/", "http://[::]/",
        "http://255.255.255.255/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://localhost:8080/",
        "https://127.0.0.1/",
    };

    [Theory]
    [MemberData(nameof(InwardAddresses))]
    public async Task InwardAddresses_AreRefusedWhenSavedAndWhenSent(string url)
    {
        var guard = Guard(allowPrivate: false);
        var uri = new Uri(url);

        Assert.StartsWith("Refused", guard.Problem(url), StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => guard.AllowedAddressesAsync(uri.IdnHost, uri.Port, CancellationToken.None));
        Assert.DoesNotMatch(@"\d", refused.Message);
    }

    [Fact]
    public async Task ANameWithOneInwardAddress_OrTheSitesOwn_IsRefused()
    {
        var guard = Guard(allowPrivate: false);

        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => guard.AllowedAddressesAsync("inward.example.test", 443, CancellationToken.None));
        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => guard.AllowedAddressesAsync("mirror.example.test", 443, CancellationToken.None));
        Assert.StartsWith("Refused", guard.Problem("https://bookings.example.test/hook"), StringComparison.Ordinal);
        Assert.Equal([OtherPublic], await guard.AllowedAddressesAsync("hooks.example.test", 443, CancellationToken.None));
        Assert.Null(guard.Problem("https://hooks.example.test/hook"));
    }

    [Fact]
    public async Task OnAnIntranet_PrivateReceiversAreAllowed_ButNotMulticastOrTheSiteItself()
    {
        var guard = Guard(allowPrivate: true);

        Assert.Equal([IPAddress.Parse("10.0.0.7")], await guard.AllowedAddressesAsync("10.0.0.7", 8080, CancellationToken.None));
        Assert.Null(guard.Problem("http://127.0.0.1:9000/hook"));
        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => guard.AllowedAddressesAsync("224.0.0.1", 80, CancellationToken.None));
        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => guard.AllowedAddressesAsync("mirror.example.test", 443, CancellationToken.None));
    }

    [Theory]
    [InlineData("http://hooks.example.test/", "https")]
    [InlineData("ftp://hooks.example.test/", "https")]
    [InlineData("https://user:pass@hooks.example.test/", "credentials")]
    [InlineData("not a url", "https")]
    public void OtherSchemesAndPlainHttp_AreRefusedByDefault(string url, string word)
        => Assert.Contains(word, Guard(allowPrivate: false, allowHttp: false).Problem(url), StringComparison.Ordinal);

    private static WebhookTargetGuard Guard(bool allowPrivate, bool allowHttp = true)
        => new(
            Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowPrivateNetworks = allowPrivate, AllowHttp = allowHttp }),
            Microsoft.Extensions.Options.Options.Create(new ManageBookingOptions { BaseUrl = new Uri("https://bookings.example.test/") }),
            (host, cancellationToken) => host switch
            {
                "bookings.example.test" => Task.FromResult(new[] { SitePublic }),
                "hooks.example.test" => Task.FromResult(new[] { OtherPublic }),
                "mirror.example.test" => Task.FromResult(new[] { OtherPublic, SitePublic }),
                "inward.example.test" => Task.FromResult(new[] { OtherPublic, IPAddress.Parse("10.1.2.3") }),
                _ => Dns.GetHostAddressesAsync(host, cancellationToken),
            });
}

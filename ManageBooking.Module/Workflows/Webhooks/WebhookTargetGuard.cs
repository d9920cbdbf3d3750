using System.Net;
using System.Net.NetworkInformation;
using ManageBooking.Options;
using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>
/// Decides where a webhook may go: https (http where configured), and never to a loopback, private, link-local,
/// multicast or reserved address, nor to the site itself, unless AllowPrivateNetworks says the receiver is on the
/// intranet. Send time is what counts: the name is resolved when connecting and every address it gives is checked, so a
/// name that later points inward (DNS rebinding) is refused too. Save time catches literal addresses early.
/// </summary>
public sealed class WebhookTargetGuard
{
    private readonly WebhookOptions _options;
    private readonly Uri _baseUrl;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    public WebhookTargetGuard(IOptions<WebhookOptions> options, IOptions<ManageBookingOptions> site)
        : this(options, site, Dns.GetHostAddressesAsync)
    {
    }

    internal WebhookTargetGuard(IOptions<WebhookOptions> options, IOptions<ManageBookingOptions> site, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(site);
        _options = options.Value;
        _baseUrl = site.Value.BaseUrl;
        _resolve = resolve;
    }

    /// <summary>What an editor is told about an address when saving a rule, or null when it may be saved.</summary>
    public string? Problem(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return _options.AllowHttp ? "Enter an https or http address." : "Enter an https address.";
        }

        if (uri.Scheme == "http" && !_options.AllowHttp)
        {
            return "Refused: webhooks use https (plain http is off on this site).";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Refused: put credentials in the secret, not in the address.";
        }

        // Uri reads every spelling of an IPv4 literal (127.1, 0x7f000001, 2130706433, 0177.0.0.1) as the address it is.
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.DnsSafeHost, out var literal) && IsRefused(literal, uri.Port, []))
        {
            return "Refused: webhooks may not call loopback, private, link-local or multicast addresses.";
        }

        if (!_options.AllowPrivateNetworks && (uri.DnsSafeHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || uri.DnsSafeHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || uri.DnsSafeHost.Equals(_baseUrl.DnsSafeHost, StringComparison.OrdinalIgnoreCase)))
        {
            return "Refused: webhooks may not call this site or this host.";
        }

        return null;
    }

    /// <summary>
    /// The addresses of <paramref name="host"/> a webhook may connect to; throws <see cref="WebhookTargetRefusedException"/>
    /// when any of them is refused, since a name with one inward address is aimed inward.
    /// </summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await _resolve(host, cancellationToken);
        var own = await SiteAddressesAsync(cancellationToken);
        if (addresses.Length == 0 || addresses.Any(a => IsRefused(a, port, own)))
        {
            throw new WebhookTargetRefusedException();
        }

        return addresses;
    }

    private bool IsRefused(IPAddress address, int port, IReadOnlyCollection<IPAddress> own)
    {
        var inner = AddressRanges.Unwrapped(address);
        if (AddressRanges.IsUnroutable(inner))
        {
            return true;
        }

        if (_options.AllowPrivateNetworks)
        {
            // On the intranet the host's own addresses are fair game, except the site's own endpoint: a rule that calls
            // the site would feed on itself.
            return port == _baseUrl.Port && own.Contains(inner);
        }

        return AddressRanges.IsPrivate(inner) || own.Contains(inner);
    }

    /// <summary>The addresses the site answers on: its base address's host, and this machine's interfaces.</summary>
    private async Task<IReadOnlyCollection<IPAddress>> SiteAddressesAsync(CancellationToken cancellationToken)
    {
        var own = new HashSet<IPAddress>();
        try
        {
            foreach (var address in IPAddress.TryParse(_baseUrl.DnsSafeHost, out var literal) ? [literal] : await _resolve(_baseUrl.DnsSafeHost, cancellationToken))
            {
                own.Add(AddressRanges.Unwrapped(address));
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
            // A base address that does not resolve here (a name only the public DNS knows) adds nothing.
        }

        if (!_options.AllowPrivateNetworks)
        {
            foreach (var address in NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses))
            {
                own.Add(AddressRanges.Unwrapped(address.Address));
            }
        }

        return own;
    }
}

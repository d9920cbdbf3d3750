using System.Net;
using System.Net.Sockets;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>Which addresses are the public internet's, and which belong to this host, its networks or nobody.</summary>
public static class AddressRanges
{
    /// <summary>Never a destination: multicast, broadcast, unspecified and reserved ranges.</summary>
    private static readonly IPNetwork[] Unroutable =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("ff00::/8"), IPNetwork.Parse("100::/64"),
    ];

    /// <summary>This host, its local networks and ranges set aside for documentation and testing.</summary>
    private static readonly IPNetwork[] Private =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("192.88.99.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("2001::/32"),
    ];

    /// <summary>True for multicast, broadcast, unspecified and reserved addresses, in any IPv6 wrapping of IPv4.</summary>
    public static bool IsUnroutable(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var inner = Unwrapped(address);
        return Unroutable.Any(n => n.BaseAddress.AddressFamily == inner.AddressFamily && n.Contains(inner));
    }

    /// <summary>True for loopback, private, shared, link-local and unique-local addresses, in any IPv6 wrapping of IPv4.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var inner = Unwrapped(address);
        return Private.Any(n => n.BaseAddress.AddressFamily == inner.AddressFamily && n.Contains(inner));
    }

    /// <summary>
    /// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d)
    /// or 6to4 (2002:aabb:ccdd::) address, which all reach that IPv4 host; any other address as it is.
    /// </summary>
    public static IPAddress Unwrapped(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }

        var nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        var compatible = bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] <= 1);
        return nat64 || compatible ? new IPAddress(bytes.AsSpan(12, 4)) : address;
    }
}

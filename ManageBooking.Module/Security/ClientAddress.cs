using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Security;

/// <summary>
/// Who is asking, for rate limits and sign-in back-off: the connection's address after the forwarded-headers middleware
/// replaced a known proxy's with the client's. An IPv6 client owns a whole /64, so that is one client.
/// </summary>
public static class ClientAddress
{
    public static string Key(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

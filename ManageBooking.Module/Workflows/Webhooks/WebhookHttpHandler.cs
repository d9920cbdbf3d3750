using System.Net;
using System.Net.Sockets;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>
/// The webhook client's connection handler: every connection goes through <see cref="WebhookTargetGuard"/> (the name
/// is resolved there and only its checked addresses are dialled), redirects are not followed (a 307 would re-post the
/// body and signature elsewhere), and no proxy from the environment stands between the check and the connection.
/// </summary>
public static class WebhookHttpHandler
{
    public static SocketsHttpHandler Create(WebhookTargetGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var endpoint = context.DnsEndPoint;
                var addresses = await guard.AllowedAddressesAsync(endpoint.Host, endpoint.Port, cancellationToken);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }
}

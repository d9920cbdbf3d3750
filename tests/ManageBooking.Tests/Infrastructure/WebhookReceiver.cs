using System.Net;
using System.Net.Sockets;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>An HTTP endpoint on loopback that records the webhooks it receives: their bodies and headers, in order.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public WebhookReceiver()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ReceiveAsync();
    }

    public string Url { get; }

    /// <summary>The first delivery.</summary>
    public TaskCompletionSource<WebhookDelivery> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every delivery, as it arrives.</summary>
    public System.Threading.Channels.Channel<WebhookDelivery> All { get; } = System.Threading.Channels.Channel.CreateUnbounded<WebhookDelivery>();

    public void Dispose() => _listener.Close();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return; // closed by Dispose
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            context.Response.StatusCode = 204;
            context.Response.Close();
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k.ToLowerInvariant(), k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var delivery = new WebhookDelivery(body, headers);
            Received.TrySetResult(delivery);
            All.Writer.TryWrite(delivery);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A webhook as it arrived: the exact body and the headers by lower-case name.</summary>
public sealed record WebhookDelivery(string Body, IReadOnlyDictionary<string, string> Headers);

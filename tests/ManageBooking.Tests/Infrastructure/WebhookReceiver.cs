using System.Net;
using System.Net.Sockets;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>An HTTP endpoint on loopback that records the first webhook it receives.</summary>
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

    public TaskCompletionSource<(string Body, string? Signature)> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose() => _listener.Close();

    private async Task ReceiveAsync()
    {
        var context = await _listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = 204;
        context.Response.Close();
        Received.TrySetResult((body, context.Request.Headers["X-ManageBooking-Signature"]));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>An HTTP endpoint on loopback that answers every request with a redirect, counting them.</summary>
public sealed class RedirectingEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _hits;

    public RedirectingEndpoint(string location)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = AnswerAsync(location);
    }

    public string Url { get; }

    public int Hits => Volatile.Read(ref _hits);

    public void Dispose() => _listener.Close();

    private async Task AnswerAsync(string location)
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
                return;
            }

            Interlocked.Increment(ref _hits);
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = location;
            context.Response.Close();
        }
    }
}

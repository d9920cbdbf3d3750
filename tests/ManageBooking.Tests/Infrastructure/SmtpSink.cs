using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>A real SMTP server on loopback (Debian's aiosmtpd) that can be stopped and started again on its port.</summary>
public sealed class SmtpSink : IDisposable
{
    /// <summary>Debian's interpreter, which python3-aiosmtpd installs into (a pyenv python3 on PATH would not have it).</summary>
    private const string Python = "/usr/bin/python3";

    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Notifications", "smtp_sink.py");
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("managebooking-smtp-");
    private readonly string _mode;
    private Process? _server;

    public SmtpSink()
        : this("serve")
    {
    }

    private SmtpSink(string mode)
    {
        _mode = mode;
        Port = FreePort();
        Start();
    }

    /// <summary>
    /// A server that stalls mid-send: it takes each message in (listed by <see cref="Messages"/>) and never answers its
    /// end of data, so the sender waits, holding the message, until it gives up or dies.
    /// </summary>
    public static SmtpSink Stalling() => new("hold");

    public int Port { get; }

    public void Start()
    {
        var start = new ProcessStartInfo(Python, [Script, _mode, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _folder.FullName])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _server = Process.Start(start) ?? throw new InvalidOperationException(Python + " did not start");
        var ready = _server.StandardOutput.ReadLine();
        if (ready != "ready")
        {
            throw new InvalidOperationException("The SMTP server did not start (is python3-aiosmtpd installed? ./test.sh installs it): " + _server.StandardError.ReadToEnd());
        }
    }

    public void Stop()
    {
        if (_server is { HasExited: false })
        {
            _server.StandardInput.Close();
            if (!_server.WaitForExit(10_000))
            {
                _server.Kill();
            }
        }

        _server?.Dispose();
        _server = null;
    }

    /// <summary>Every message received so far, decoded.</summary>
    public IReadOnlyList<JsonElement> Messages()
        => [.. _folder.GetFiles("*.json").OrderBy(f => f.CreationTimeUtc).Select(f => JsonDocument.Parse(File.ReadAllText(f.FullName)).RootElement)];

    public IReadOnlyList<JsonElement> MessagesTo(string address)
        => [.. Messages().Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString() == address))];

    /// <summary>Decodes an .eml file from the pickup directory the same way.</summary>
    public static JsonElement DecodeFile(string path)
    {
        var start = new ProcessStartInfo(Python, [Script, "decode", path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return JsonDocument.Parse(json).RootElement;
    }

    public void Dispose()
    {
        Stop();
        _folder.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

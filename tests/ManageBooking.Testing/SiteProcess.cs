using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ManageBooking.Options;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// The built site started as a second operating-system process on a loopback port, sharing the test's database: proof
/// that a guarantee lives in the database and not in one process's memory.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private SiteProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>The operating system's id of the process, as the outbox writes it into the leases the node takes.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Every line the process wrote so far, standard output and error.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts the site built next to the calling test assembly, with extra settings as environment variables.</summary>
    public static async Task<SiteProcess> StartAsync(
        DatabaseProvider provider, string connectionString, TimeSpan timeout, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = StartInfo(provider, connectionString, address, settings, "--urls", address.ToString().TrimEnd('/'));
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.Contains("Now listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(timeout));
        if (first != listening.Task)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            throw new InvalidOperationException("The site process did not start:\n" + string.Join('\n', output));
        }

        return new SiteProcess(process, address, output);
    }

    /// <summary>Runs the site's deploy step (--migrate-only) to its end; returns its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> MigrateOnlyAsync(
        DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = StartInfo(provider, connectionString, new Uri("http://127.0.0.1/"), settings, "--migrate-only");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("--migrate-only did not exit:\n" + await output + await errors);
        }

        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Ends the process at once (SIGKILL), as a crashed node ends: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(
        DatabaseProvider provider, string connectionString, Uri address, IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "ManageBooking.Web.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ManageBooking__Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__ManageBooking"] = connectionString;
        start.Environment["ManageBooking__SeedDemoData"] = "false";
        start.Environment["ManageBooking__BaseUrl"] = address.ToString();

        // The suite's shared link key, as several nodes share one: links made in the test process open in this one.
        start.Environment["ManageBooking__LinkKeys__0"] = TestLinkKeys.Shared;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own (Debian's binaries, a throwaway cluster on a free loopback port), for tests that
/// stop the server, which the suite's shared server must never be. As root it runs as the postgres user, as test.sh does.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly DirectoryInfo _folder;
    private readonly int _port;

    private PrivatePostgresServer(string bin, DirectoryInfo folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = "postgres",
        Timeout = 3,
    }.ToString();

    private string DataFolder => Path.Combine(_folder.FullName, "data");

    public static async Task<PrivatePostgresServer> StartNewAsync()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0).LastOrDefault();
        Assert.True(bin is not null, "PostgreSQL's server binaries are missing: ./test.sh installs Debian's postgresql.");
        var folder = Directory.CreateTempSubdirectory("managebooking-pg-own-");
        if (Environment.IsPrivilegedProcess)
        {
            await CheckAsync("chown", ["postgres", folder.FullName]);
        }

        var server = new PrivatePostgresServer(bin!, folder, FreePort());
        await server.RunAsync("initdb", ["-D", server.DataFolder, "-A", "trust", "-U", "postgres", "-N"]);
        await server.StartAsync();
        return server;
    }

    public Task StartAsync() => RunAsync("pg_ctl", [
        "-D", DataFolder, "-l", Path.Combine(_folder.FullName, "server.log"), "-w",
        "-o", $"-p {_port} -k {_folder.FullName} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]);

    public Task StopAsync() => RunAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        var (program, arguments) = Command(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        await Processes.RunAsync(program, arguments); // already stopped is fine

        _folder.Delete(recursive: true);
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var (program, all) = Command(Path.Combine(_bin, tool), arguments);
        return CheckAsync(program, all);
    }

    private static (string Program, IReadOnlyList<string> Arguments) Command(string path, IReadOnlyList<string> arguments)
        => Environment.IsPrivilegedProcess ? ("runuser", ["-u", "postgres", "--", path, .. arguments]) : (path, arguments);

    private static async Task CheckAsync(string program, IReadOnlyList<string> arguments)
    {
        var (exitCode, output, errors) = await Processes.RunAsync(program, arguments);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {exitCode}:\n{errors}\n{output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

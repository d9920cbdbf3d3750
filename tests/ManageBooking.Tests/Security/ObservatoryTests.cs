using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ManageBooking.Tests.Security;

/// <summary>
/// Mozilla's HTTP Observatory (npm @mdn/mdn-http-observatory, installed by ./test.sh) grades the site served over HTTP
/// and HTTPS on loopback ports with a throwaway certificate, through its own retriever, tests and grader.
/// </summary>
public sealed class ObservatoryTests : IAsyncLifetime
{
    private const string Host = "bookings.test";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("managebooking-observatory-");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task TheSiteOverHttps_GradesAOrBetter()
    {
        using var certificate = ThrowawayCertificate();
        var pem = Path.Combine(_folder.FullName, "site.pem");
        await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());
        var (httpPort, httpsPort) = (FreePort(), FreePort());
        await using var site = new ManageBookingApp(_database, new FakeClock(), new Dictionary<string, string?> { ["https_port"] = httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        site.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort);
            kestrel.Listen(IPAddress.Loopback, httpsPort, listen => listen.UseHttps(certificate));
        });
        site.StartServer();

        var report = await GradeAsync(httpPort, httpsPort, pem);

        var grade = report.GetProperty("grade").GetString();
        var lost = report.GetProperty("tests").EnumerateObject()
            .Where(t => t.Value.GetProperty("modifier").GetInt32() < 0)
            .Select(t => $"{t.Name}: {t.Value.GetProperty("result").GetString()} ({t.Value.GetProperty("modifier").GetInt32()})");
        Assert.True(report.GetProperty("verified").GetBoolean(), "the Observatory did not trust the throwaway certificate");
        Assert.True(grade is "A+" or "A", $"grade {grade}, score {report.GetProperty("score").GetInt32()}: {string.Join("; ", lost)}");
    }

    /// <summary>Self-signed for the test host, and its own authority, so that NODE_EXTRA_CA_CERTS can trust it.</summary>
    private static X509Certificate2 ThrowawayCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private static async Task<JsonElement> GradeAsync(int httpPort, int httpsPort, string pem)
    {
        var folder = ObservatoryFolder();
        var start = new ProcessStartInfo("node", ["grade.mjs", Host, httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), httpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NODE_EXTRA_CA_CERTS"] = pem;
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"the Observatory exited with {node.ExitCode}: {await output}\n{await errors}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    private static string ObservatoryFolder()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "src.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? "", "tests", "observatory");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@mdn", "mdn-http-observatory")), "The Observatory is missing: run ./test.sh, which installs it with npm ci.");
        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using ManageBooking.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>The real site, hosted in the test process against the test's own database and clock.</summary>
public sealed class ManageBookingApp(TestDatabase database, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null, LogSink? logs = null)
    : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://bookings.example.test/";

    public TestDatabase Database { get; } = database;

    /// <summary>Where the pickup-directory sender writes .eml files for this site.</summary>
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("managebooking-mail-").FullName;

    /// <summary>Sends what the outbox holds now, as the background dispatcher would on its next tick.</summary>
    public Task<int> DispatchAsync() => Services.GetRequiredService<ManageBooking.Workflows.Outbox.OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

    /// <summary>A scope for reading or arranging rows directly; the caller disposes it.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public async Task<T> QueryAsync<T>(Func<ManageBookingDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>());
    }

    /// <summary>Changes rows directly, for states no public endpoint can reach yet (an approval, a changed policy).</summary>
    public async Task ArrangeAsync(Func<ManageBookingDbContext, Task> arrange)
    {
        ArgumentNullException.ThrowIfNull(arrange);
        await using var scope = CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
        await arrange(db);
        await db.SaveChangesAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseSetting, not ConfigureAppConfiguration: minimal hosting reads these before the app is built.
        builder.UseSetting("ManageBooking:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:ManageBooking", Database.ConnectionString);
        builder.UseSetting("ManageBooking:BaseUrl", BaseUrl);
        builder.UseSetting("ManageBooking:Email:PickupDirectory", MailFolder);
        if (settings?.Keys.Any(k => k.StartsWith("ManageBooking:LinkKeys", StringComparison.Ordinal)) != true)
        {
            builder.UseSetting("ManageBooking:LinkKeys:0", TestLinkKeys.Shared);
        }

        // Tests send deterministically with DispatchAsync; a background tick would race their assertions.
        builder.UseSetting("ManageBooking:Outbox:DispatcherEnabled", "false");

        // Tests' webhook receivers listen on loopback over plain http; the guard's own tests switch these back off.
        builder.UseSetting("ManageBooking:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("ManageBooking:Webhooks:AllowHttp", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton(clock));
        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace)
                .AddFilter(_ => true));
        }
    }
}

using ManageBooking.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>The real site, hosted in the test process against the test's own database and clock.</summary>
public sealed class ManageBookingApp(TestDatabase database, TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://bookings.example.test/";

    public TestDatabase Database { get; } = database;

    /// <summary>A scope for reading or arranging rows directly; the caller disposes it.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public async Task<T> QueryAsync<T>(Func<ManageBookingDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // UseSetting, not ConfigureAppConfiguration: minimal hosting reads these before the app is built.
        builder.UseSetting("ManageBooking:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:ManageBooking", Database.ConnectionString);
        builder.UseSetting("ManageBooking:BaseUrl", BaseUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton(clock));
    }
}

using Microsoft.Extensions.Hosting;

namespace ManageBooking.Data;

/// <summary>
/// Brings the store up to date while the host starts, before the server takes requests: StartingAsync runs ahead of
/// every hosted service's StartAsync, the web server's included, so no request meets a half-migrated database.
/// </summary>
public sealed class StoreInitializerService(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => StoreInitializer.InitializeAsync(services, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

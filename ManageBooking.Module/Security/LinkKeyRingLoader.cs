using Microsoft.Extensions.Hosting;

namespace ManageBooking.Security;

/// <summary>
/// Loads the link keys as the site starts, so the key file exists from the first start and an unreadable one stops the
/// site at once rather than at its first booking.
/// </summary>
internal sealed class LinkKeyRingLoader(LinkKeyRing keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = keys.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.Outbox;

/// <summary>
/// Ready only while this node's dispatcher loop runs: a node whose dispatcher died would take bookings whose emails no
/// node of its own sends. A node configured without a dispatcher (another node sends) is healthy.
/// </summary>
public sealed class OutboxDispatcherHealthCheck(OutboxHeartbeat heartbeat, IOptions<OutboxOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The dispatcher is off on this node."));
        }

        // A tick beats at its start and after each message; one message takes seconds at most (10-second webhook time-out).
        var staleAfter = TimeSpan.FromSeconds(Math.Max(60, options.Value.PollSeconds * 4));
        var last = heartbeat.Last;
        return Task.FromResult(last is { } beat && clock.GetUtcNow() - beat <= staleAfter
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The outbox dispatcher has not run recently."));
    }
}

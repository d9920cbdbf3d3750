using ManageBooking.Tests.Infrastructure;
using ManageBooking.Workflows.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ManageBooking.Tests.Operations;

public sealed class OutboxDispatcherHealthCheckTests
{
    [Fact]
    public async Task ANodeIsReady_OnlyWhileItsDispatcherBeats()
    {
        var clock = new FakeClock();
        var heartbeat = new OutboxHeartbeat(clock);
        var check = new OutboxDispatcherHealthCheck(heartbeat, Microsoft.Extensions.Options.Options.Create(new OutboxOptions { PollSeconds = 5 }), clock);

        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status); // never ran
        heartbeat.Beat();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status); // stuck
    }

    [Fact]
    public async Task ANodeWithoutADispatcher_IsReady()
    {
        var clock = new FakeClock();
        var check = new OutboxDispatcherHealthCheck(new OutboxHeartbeat(clock), Microsoft.Extensions.Options.Options.Create(new OutboxOptions { DispatcherEnabled = false }), clock);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }
}

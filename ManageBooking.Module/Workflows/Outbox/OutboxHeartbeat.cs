namespace ManageBooking.Workflows.Outbox;

/// <summary>When this node's dispatcher last showed it was alive: at the start of each tick and after each message.</summary>
public sealed class OutboxHeartbeat(TimeProvider clock)
{
    private long _lastTicks = -1;

    public DateTimeOffset? Last => Interlocked.Read(ref _lastTicks) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Beat() => Interlocked.Exchange(ref _lastTicks, clock.GetUtcNow().UtcTicks);
}

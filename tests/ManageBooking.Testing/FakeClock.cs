namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// Time that moves only when a test says so: the one mock in the suite, because the real clock cannot be set.
/// (Microsoft.Extensions.TimeProvider.Testing is not in this machine's package registry.)
/// </summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    /// <summary>Monday 2 March 2026, 12:00 UTC (07:00 in New York, before the US switch to summer time on 8 March).</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}

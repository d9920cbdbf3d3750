using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>Reads the injected clock as NodaTime's instant, the type the domain reasons in.</summary>
public static class TimeProviderExtensions
{
    public static Instant GetCurrentInstant(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Instant.FromDateTimeOffset(clock.GetUtcNow());
    }
}

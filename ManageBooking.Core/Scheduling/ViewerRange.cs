using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>Turns the dates a person picked, in their own zone, into the instants they cover.</summary>
public static class ViewerRange
{
    /// <summary>From the start of <paramref name="from"/> to the end of <paramref name="to"/>, both in <paramref name="zone"/>.</summary>
    public static Interval Of(LocalDate from, LocalDate to, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new Interval(from.AtStartOfDayInZone(zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
    }
}

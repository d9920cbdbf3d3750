using ManageBooking.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>Groups free slots into the days a person sees in their zone.</summary>
public static class SlotDays
{
    /// <param name="current">The start of the session being moved: offered as "current", never as a new time.</param>
    public static IReadOnlyList<SlotDay> Build(IEnumerable<Slot> slots, DateTimeZone zone, IReadOnlySet<string> selected, Instant? current = null)
        => [.. slots
            .GroupBy(s => s.Start.InZone(zone).Date)
            .Select(g => new SlotDay(
                TimeDisplay.Day(g.Key),
                LocalDatePattern.Iso.Format(g.Key),
                [.. g.Select(s =>
                {
                    var value = Scheduling.IsoText.Format(s.Start, zone);
                    return new SlotOption(value, TimeDisplay.Time(s.Start, zone), selected.Contains(value), s.Start == current);
                })]))];
}

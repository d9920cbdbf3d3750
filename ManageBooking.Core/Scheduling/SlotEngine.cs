using ManageBooking.Models;
using NodaTime;
using NodaTime.TimeZones;

namespace ManageBooking.Scheduling;

/// <summary>
/// Turns a page's wall-clock hours into bookable instants. Start times step through local time, so on a spring-forward
/// day a start that does not exist (02:30 in New York) is not offered, and on a fall-back day a start that happens twice
/// (01:30) is offered twice, once for each offset.
/// </summary>
public static class SlotEngine
{
    /// <summary>The free slots whose start lies in <paramref name="range"/>, in order.</summary>
    public static IReadOnlyList<Slot> FindFreeSlots(PageSchedule schedule, BusyCalendar busy, Interval range, Instant now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(busy);
        var earliest = Max(range.Start, now + schedule.MinimumNotice);
        var latest = Min(range.End, now + schedule.Horizon + Duration.Epsilon);
        var slots = new List<Slot>();
        if (earliest >= latest)
        {
            return slots;
        }

        var firstDate = earliest.InZone(schedule.Zone).Date;
        var lastDate = latest.InZone(schedule.Zone).Date;
        var dayStarts = new List<Instant>();
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            dayStarts.Clear();
            CollectStarts(schedule, date, dayStarts);
            foreach (var start in dayStarts)
            {
                if (start < earliest || start >= latest)
                {
                    continue;
                }

                var end = start + schedule.SessionLength;
                if (busy.HasRoom(start, end, schedule.BufferBefore, schedule.BufferAfter))
                {
                    slots.Add(new Slot(start, end));
                }
            }
        }

        return slots;
    }

    /// <summary>Says whether <paramref name="start"/> can be booked now, and if not, why.</summary>
    public static SlotCheck Check(PageSchedule schedule, BusyCalendar busy, Instant start, Instant now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(busy);
        var starts = new List<Instant>();
        CollectStarts(schedule, start.InZone(schedule.Zone).Date, starts);
        if (starts.BinarySearch(start) < 0)
        {
            return SlotCheck.NotASlot;
        }

        if (start < now + schedule.MinimumNotice)
        {
            return SlotCheck.TooSoon;
        }

        if (start > now + schedule.Horizon)
        {
            return SlotCheck.BeyondHorizon;
        }

        return busy.HasRoom(start, start + schedule.SessionLength, schedule.BufferBefore, schedule.BufferAfter)
            ? SlotCheck.Free
            : SlotCheck.Taken;
    }

    /// <summary>The blocked interval a new session at <paramref name="start"/> puts on the calendar.</summary>
    public static BusyInterval Occupy(PageSchedule schedule, Instant start)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var end = start + schedule.SessionLength;
        return new BusyInterval(start, end, start - schedule.BufferBefore, end + schedule.BufferAfter);
    }

    /// <summary>Every start time on one local date whose whole session fits in an open window, sorted.</summary>
    private static void CollectStarts(PageSchedule schedule, LocalDate date, List<Instant> starts)
    {
        foreach (var window in schedule.HoursOn(date))
        {
            var windowStart = date.At(LocalTime.FromTimeOnly(window.Start));

            // An end at or before the start (typically 00:00) means the window runs to midnight.
            var windowEnd = window.End > window.Start
                ? date.At(LocalTime.FromTimeOnly(window.End))
                : date.PlusDays(1).AtMidnight();
            var windowEndInstant = schedule.Zone
                .ResolveLocal(windowEnd, Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter))
                .ToInstant();

            for (var local = windowStart; local < windowEnd; local = local.PlusTicks(schedule.SlotInterval.BclCompatibleTicks))
            {
                // A gap maps to no instant (the start does not exist that day); an overlap maps to two.
                var mapping = schedule.Zone.MapLocal(local);
                if (mapping.Count >= 1)
                {
                    AddIfFits(starts, mapping.First().ToInstant(), schedule.SessionLength, windowEndInstant);
                }

                if (mapping.Count == 2)
                {
                    AddIfFits(starts, mapping.Last().ToInstant(), schedule.SessionLength, windowEndInstant);
                }
            }
        }

        starts.Sort();
    }

    private static void AddIfFits(List<Instant> starts, Instant start, Duration length, Instant windowEnd)
    {
        if (start + length <= windowEnd)
        {
            starts.Add(start);
        }
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}

using BenchmarkDotNet.Attributes;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Benchmarks;

/// <summary>
/// The slot engine over 60 days of 15-minute slots (08:00-20:00 every day, America/New_York) against a calendar
/// holding 10,000 sessions. Target: under 2 ms per call.
/// </summary>
[MemoryDiagnoser]
public class SlotEngineBenchmarks
{
    private const int Days = 60;
    private const int ExistingSessions = 10_000;

    private PageSchedule _schedule = null!;
    private BusyInterval[] _sessions = null!;
    private BusyInterval[] _sessionsInIndexOrder = null!;
    private BusyCalendar _busy = null!;
    private Interval _range;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var hours = Enum.GetValues<DayOfWeek>().Select(d => new WeeklyHours(d, new TimeOnly(8, 0), new TimeOnly(20, 0))).ToList();
        _schedule = new PageSchedule(
            zone,
            Duration.FromMinutes(15),
            Duration.FromMinutes(15),
            hours,
            [],
            Duration.FromMinutes(5),
            Duration.FromMinutes(5),
            Duration.Zero,
            Duration.FromDays(90));
        var firstDay = new LocalDate(2026, 3, 1);
        _now = firstDay.AtStartOfDayInZone(zone).ToInstant();
        _range = ViewerRange.Of(firstDay, firstDay.PlusDays(Days - 1), zone);

        // Sessions land on random 15-minute marks within the 60 days, so about one slot in three is taken.
        var random = new Random(42);
        _sessions = new BusyInterval[ExistingSessions];
        for (var i = 0; i < ExistingSessions; i++)
        {
            var start = _range.Start + Duration.FromMinutes(15 * random.Next(Days * 24 * 4));
            var end = start + Duration.FromMinutes(15);
            _sessions[i] = new BusyInterval(start, end, start - Duration.FromMinutes(5), end + Duration.FromMinutes(5));
        }

        _sessionsInIndexOrder = [.. _sessions.OrderBy(s => s.BlockedStart)];
        _busy = new BusyCalendar(_sessions);
    }

    [Benchmark(Baseline = true, Description = "FindFreeSlots, 60 days x 10,000 sessions")]
    public int FindFreeSlots() => SlotEngine.FindFreeSlots(_schedule, _busy, _range, _now).Count;

    /// <summary>What a request does: the store returns the sessions in index order, the calendar is built, slots found.</summary>
    [Benchmark(Description = "Build from 10,000 sessions in index order, then FindFreeSlots")]
    public int BuildFromIndexOrderAndFindFreeSlots() => SlotEngine.FindFreeSlots(_schedule, new BusyCalendar(_sessionsInIndexOrder), _range, _now).Count;

    [Benchmark(Description = "Build from 10,000 unsorted sessions, then FindFreeSlots")]
    public int BuildFromUnsortedAndFindFreeSlots() => SlotEngine.FindFreeSlots(_schedule, new BusyCalendar(_sessions), _range, _now).Count;
}

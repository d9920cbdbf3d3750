using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Tests.Scheduling;

public sealed class SlotEngineTests
{
    private static readonly Instant LongAgo = Instant.FromUtc(2026, 1, 1, 0, 0); // before every date used, within the default year of horizon

    [Theory]
    [InlineData("America/New_York", "2026-03-08", "02:30", 0)] // spring forward: 02:00 jumps to 03:00
    [InlineData("America/New_York", "2026-03-08", "01:30", 1)]
    [InlineData("America/New_York", "2026-03-08", "03:00", 1)]
    [InlineData("America/New_York", "2026-11-01", "01:30", 2)] // fall back: 01:00-02:00 happens twice
    [InlineData("America/New_York", "2026-11-01", "02:30", 1)]
    [InlineData("Europe/Paris", "2026-03-29", "02:30", 0)] // spring forward: 02:00 jumps to 03:00
    [InlineData("Europe/Paris", "2026-10-25", "02:30", 2)] // fall back: 02:00-03:00 happens twice
    [InlineData("Europe/Paris", "2026-10-25", "01:30", 1)]
    [InlineData("America/New_York", "2026-03-09", "02:30", 1)] // an ordinary day
    public void FindFreeSlots_OnDstChangeDays_OffersEachExistingOccurrenceOfALocalTime(string zoneId, string date, string time, int expected)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var schedule = new ScheduleBuilder(zoneId).EveryDay(0, 6).Build();
        var day = LocalDatePattern.Iso.Parse(date).Value;

        var slots = SlotEngine.FindFreeSlots(schedule, BusyCalendar.Empty, ViewerRange.Of(day, day, zone), LongAgo);

        var local = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time).Value;
        Assert.Equal(expected, slots.Count(s => s.Start.InZone(zone).TimeOfDay == local));
    }

    [Fact]
    public void FindFreeSlots_OnSpringForwardDay_SkipsTheMissingHourAndKeepsRealDurations()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = new ScheduleBuilder("America/New_York").EveryDay(0, 6).Build();
        var day = new LocalDate(2026, 3, 8);

        var slots = SlotEngine.FindFreeSlots(schedule, BusyCalendar.Empty, ViewerRange.Of(day, day, zone), LongAgo);

        // 00:00 to 06:00 local is only five real hours that day: ten half-hour slots.
        Assert.Equal(10, slots.Count);
        Assert.All(slots, s => Assert.Equal(Duration.FromMinutes(30), s.End - s.Start));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 6, 30), slots[3].Start); // 01:30 EST
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), slots[4].Start); // 03:00 EDT
    }

    [Fact]
    public void FindFreeSlots_OnFallBackDay_ReturnsTheRepeatedHourInTimeOrder()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = new ScheduleBuilder("America/New_York").EveryDay(0, 3).Build();
        var day = new LocalDate(2026, 11, 1);

        var slots = SlotEngine.FindFreeSlots(schedule, BusyCalendar.Empty, ViewerRange.Of(day, day, zone), LongAgo);

        var expected = new[] { 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5 }
            .Select(h => Instant.FromUtc(2026, 11, 1, 0, 0) + Duration.FromMinutes(h * 60));
        Assert.Equal(expected, slots.Select(s => s.Start));
    }

    [Fact]
    public void FindFreeSlots_ForAViewerInAnotherZone_CoversTheViewersDay()
    {
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 17).Build();
        var day = new LocalDate(2026, 3, 9); // New York is on summer time, Paris not yet: five hours apart, not six

        var slots = SlotEngine.FindFreeSlots(schedule, BusyCalendar.Empty, ViewerRange.Of(day, day, paris), LongAgo);

        Assert.Equal(16, slots.Count);
        Assert.Equal(new LocalTime(14, 0), slots[0].Start.InZone(paris).TimeOfDay);
        Assert.Equal(new LocalTime(21, 30), slots[^1].Start.InZone(paris).TimeOfDay);
    }

    [Fact]
    public void FindFreeSlots_NeverOffersThePastOrTimesInsideTheMinimumNotice()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 17).Notice(Duration.FromHours(2)).Build();
        var day = new LocalDate(2026, 3, 2);
        var now = Instant.FromUtc(2026, 3, 2, 15, 10); // 10:10 in New York

        var slots = SlotEngine.FindFreeSlots(schedule, BusyCalendar.Empty, ViewerRange.Of(day, day, zone), now);

        Assert.Equal(new LocalTime(12, 30), slots[0].Start.InZone(zone).TimeOfDay);
        Assert.All(slots, s => Assert.True(s.Start >= now + Duration.FromHours(2)));
    }

    [Fact]
    public void FindFreeSlots_StopsAtTheBookingHorizon()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var now = Instant.FromUtc(2026, 3, 2, 12, 0);
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 17).Horizon(Duration.FromDays(7)).Build();

        var slots = SlotEngine.FindFreeSlots(schedule, BusyCalendar.Empty, ViewerRange.Of(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 20), zone), now);

        Assert.All(slots, s => Assert.True(s.Start <= now + Duration.FromDays(7)));
        Assert.Equal(new LocalDateTime(2026, 3, 6, 16, 30), slots[^1].Start.InZone(zone).LocalDateTime);
    }

    [Fact]
    public void FindFreeSlots_KeepsThePagesBuffersAroundExistingSessions()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 13).Buffers(15, 15).Build();
        var day = new LocalDate(2026, 3, 2);
        var existing = At(zone, day, 10, 0);
        var busy = new BusyCalendar([new BusyInterval(existing, existing + Duration.FromMinutes(30), existing, existing + Duration.FromMinutes(30))]);

        var starts = Starts(SlotEngine.FindFreeSlots(schedule, busy, ViewerRange.Of(day, day, zone), LongAgo), zone);

        Assert.Contains(new LocalTime(9, 0), starts);
        Assert.DoesNotContain(new LocalTime(9, 30), starts); // its buffer after would run into 10:00
        Assert.DoesNotContain(new LocalTime(10, 0), starts);
        Assert.DoesNotContain(new LocalTime(10, 30), starts); // its buffer before would start inside 10:00-10:30
        Assert.Contains(new LocalTime(11, 0), starts);
    }

    [Fact]
    public void FindFreeSlots_RespectsTheBuffersOfSessionsBookedOnOtherPages()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(8, 13).Build();
        var day = new LocalDate(2026, 3, 2);
        var existing = At(zone, day, 10, 0);

        // Another page on the same calendar keeps 45 minutes free before its sessions.
        var busy = new BusyCalendar([new BusyInterval(existing, existing + Duration.FromMinutes(30), existing - Duration.FromMinutes(45), existing + Duration.FromMinutes(30))]);

        var starts = Starts(SlotEngine.FindFreeSlots(schedule, busy, ViewerRange.Of(day, day, zone), LongAgo), zone);

        Assert.Contains(new LocalTime(8, 30), starts);
        Assert.DoesNotContain(new LocalTime(9, 0), starts); // 09:00-09:30 runs into the held 09:15
        Assert.DoesNotContain(new LocalTime(9, 30), starts);
        Assert.Contains(new LocalTime(10, 30), starts);
    }

    [Fact]
    public void FindFreeSlots_WithSeveralSeats_OffersATimeUntilEverySeatIsTaken()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 12).Build();
        var day = new LocalDate(2026, 3, 2);
        var ten = At(zone, day, 10, 0);
        var session = new BusyInterval(ten, ten + Duration.FromMinutes(30), ten, ten + Duration.FromMinutes(30));

        var oneTaken = Starts(SlotEngine.FindFreeSlots(schedule, new BusyCalendar([session], seats: 2), ViewerRange.Of(day, day, zone), LongAgo), zone);
        var bothTaken = Starts(SlotEngine.FindFreeSlots(schedule, new BusyCalendar([session, session], seats: 2), ViewerRange.Of(day, day, zone), LongAgo), zone);

        Assert.Contains(new LocalTime(10, 0), oneTaken);
        Assert.DoesNotContain(new LocalTime(10, 0), bothTaken);
    }

    [Fact]
    public void FindFreeSlots_UsesDateOverridesInsteadOfWeeklyHours()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var closed = new LocalDate(2026, 3, 2);
        var shortDay = new LocalDate(2026, 3, 3);
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 17)
            .Override(closed)
            .Override(shortDay, new TimeRange(new TimeOnly(13, 0), new TimeOnly(14, 0)))
            .Build();

        var slots = SlotEngine.FindFreeSlots(schedule, BusyCalendar.Empty, ViewerRange.Of(closed, shortDay, zone), LongAgo);

        Assert.Equal([new LocalTime(13, 0), new LocalTime(13, 30)], Starts(slots, zone));
        Assert.All(slots, s => Assert.Equal(shortDay, s.Start.InZone(zone).Date));
    }

    [Fact]
    public void Check_ClassifiesEveryReasonAStartCannotBeBooked()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var now = Instant.FromUtc(2026, 3, 2, 12, 0); // 07:00 in New York
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 17).Notice(Duration.FromHours(3)).Horizon(Duration.FromDays(14)).Build();
        var monday = new LocalDate(2026, 3, 2);
        var taken = At(zone, monday, 15, 0);
        var busy = new BusyCalendar([new BusyInterval(taken, taken + Duration.FromMinutes(30), taken, taken + Duration.FromMinutes(30))]);

        Assert.Equal(SlotCheck.Free, SlotEngine.Check(schedule, busy, At(zone, monday, 14, 0), now));
        Assert.Equal(SlotCheck.Taken, SlotEngine.Check(schedule, busy, taken, now));
        Assert.Equal(SlotCheck.NotASlot, SlotEngine.Check(schedule, busy, At(zone, monday, 14, 15), now)); // off the grid
        Assert.Equal(SlotCheck.NotASlot, SlotEngine.Check(schedule, busy, At(zone, monday, 18, 0), now)); // after hours
        Assert.Equal(SlotCheck.NotASlot, SlotEngine.Check(schedule, busy, At(zone, monday, 16, 45), now)); // would end after 17:00
        Assert.Equal(SlotCheck.TooSoon, SlotEngine.Check(schedule, busy, At(zone, monday, 9, 30), now));
        Assert.Equal(SlotCheck.BeyondHorizon, SlotEngine.Check(schedule, busy, At(zone, monday.PlusDays(21), 10, 0), now));
    }

    [Fact]
    public void BusyCalendar_Add_KeepsLaterChecksAwareOfTheNewSession()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var schedule = new ScheduleBuilder("America/New_York").Weekdays(9, 17).Build();
        var busy = new BusyCalendar([]);
        var start = At(zone, new LocalDate(2026, 3, 2), 10, 0);
        var now = Instant.FromUtc(2026, 3, 1, 0, 0);

        Assert.Equal(SlotCheck.Free, SlotEngine.Check(schedule, busy, start, now));
        busy.Add(SlotEngine.Occupy(schedule, start));
        Assert.Equal(SlotCheck.Taken, SlotEngine.Check(schedule, busy, start, now));
    }

    private static Instant At(DateTimeZone zone, LocalDate date, int hour, int minute)
        => date.At(new LocalTime(hour, minute)).InZoneStrictly(zone).ToInstant();

    private static List<LocalTime> Starts(IEnumerable<Slot> slots, DateTimeZone zone)
        => [.. slots.Select(s => s.Start.InZone(zone).TimeOfDay)];
}

using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Tests.Scheduling;

/// <summary>Builds page schedules for engine tests with readable defaults: 30-minute sessions every 30 minutes.</summary>
internal sealed class ScheduleBuilder(string zoneId)
{
    private readonly List<WeeklyHours> _hours = [];
    private readonly List<DateOverride> _overrides = [];
    private Duration _length = Duration.FromMinutes(30);
    private Duration _interval = Duration.FromMinutes(30);
    private Duration _before = Duration.Zero;
    private Duration _after = Duration.Zero;
    private Duration _notice = Duration.Zero;
    private Duration _horizon = Duration.FromDays(365);

    public ScheduleBuilder EveryDay(int fromHour, int toHour)
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            _hours.Add(new WeeklyHours(day, new TimeOnly(fromHour, 0), new TimeOnly(toHour % 24, 0)));
        }

        return this;
    }

    public ScheduleBuilder Weekdays(int fromHour, int toHour)
    {
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            _hours.Add(new WeeklyHours(day, new TimeOnly(fromHour, 0), new TimeOnly(toHour, 0)));
        }

        return this;
    }

    public ScheduleBuilder Override(LocalDate date, params TimeRange[] hours)
    {
        _overrides.Add(new DateOverride(date.ToDateOnly(), hours));
        return this;
    }

    public ScheduleBuilder Sessions(int minutes, int everyMinutes)
    {
        _length = Duration.FromMinutes(minutes);
        _interval = Duration.FromMinutes(everyMinutes);
        return this;
    }

    public ScheduleBuilder Buffers(int beforeMinutes, int afterMinutes)
    {
        _before = Duration.FromMinutes(beforeMinutes);
        _after = Duration.FromMinutes(afterMinutes);
        return this;
    }

    public ScheduleBuilder Notice(Duration notice)
    {
        _notice = notice;
        return this;
    }

    public ScheduleBuilder Horizon(Duration horizon)
    {
        _horizon = horizon;
        return this;
    }

    public PageSchedule Build()
        => new(DateTimeZoneProviders.Tzdb[zoneId], _length, _interval, _hours, _overrides, _before, _after, _notice, _horizon);
}

using ManageBooking.Models;
using NodaTime;
using NodaTime.Extensions;

namespace ManageBooking.Scheduling;

/// <summary>The availability rules of a booking page in NodaTime terms, read once per request.</summary>
public sealed class PageSchedule
{
    private readonly Dictionary<LocalDate, IReadOnlyList<TimeRange>> _overrides;
    private readonly ILookup<IsoDayOfWeek, TimeRange> _weekly;

    public PageSchedule(
        DateTimeZone zone,
        Duration sessionLength,
        Duration slotInterval,
        IEnumerable<WeeklyHours> weeklyHours,
        IEnumerable<DateOverride> overrides,
        Duration bufferBefore,
        Duration bufferAfter,
        Duration minimumNotice,
        Duration horizon)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (sessionLength <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(sessionLength), "A session must last longer than zero.");
        }

        if (slotInterval <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(slotInterval), "The slot interval must be longer than zero.");
        }

        Zone = zone;
        SessionLength = sessionLength;
        SlotInterval = slotInterval;
        BufferBefore = bufferBefore;
        BufferAfter = bufferAfter;
        MinimumNotice = minimumNotice;
        Horizon = horizon;
        _weekly = weeklyHours.ToLookup(
            static h => h.Day.ToIsoDayOfWeek(),
            static h => new TimeRange(h.Start, h.End));
        _overrides = overrides.ToDictionary(static o => LocalDate.FromDateOnly(o.Date), static o => o.Hours);
    }

    public DateTimeZone Zone { get; }

    public Duration SessionLength { get; }

    public Duration SlotInterval { get; }

    public Duration BufferBefore { get; }

    public Duration BufferAfter { get; }

    public Duration MinimumNotice { get; }

    public Duration Horizon { get; }

    /// <summary>How far ahead staff may book or move a session, whatever the page's horizon.</summary>
    public static readonly Duration StaffHorizon = Duration.FromDays(3 * 366);

    /// <summary>Builds the schedule of a page; the caller has checked that its zone id exists.</summary>
    public static PageSchedule For(BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Build(page, Duration.FromTimeSpan(page.MinimumNotice), Duration.FromTimeSpan(page.BookingHorizon));
    }

    /// <summary>
    /// The schedule <paramref name="actor"/> books and moves by. Staff keep the page's hours, start times and buffers
    /// (and so never double-book), but not its minimum notice nor its horizon: they act past the windows a customer is
    /// held to, and the history says so (see <see cref="Policies.StaffOverride"/>). Nobody books the past.
    /// </summary>
    public static PageSchedule For(BookingPage page, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(page);
        return actor == Actor.Staff
            ? Build(page, Duration.Zero, Duration.Max(StaffHorizon, Duration.FromTimeSpan(page.BookingHorizon)))
            : For(page);
    }

    private static PageSchedule Build(BookingPage page, Duration minimumNotice, Duration horizon)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(page.TimeZoneId)
            ?? throw new InvalidOperationException($"Booking page {page.Slug} has an unknown time zone.");
        return new PageSchedule(
            zone,
            Duration.FromTimeSpan(page.SessionLength),
            Duration.FromTimeSpan(page.SlotInterval),
            page.WeeklyHours,
            page.DateOverrides,
            Duration.FromTimeSpan(page.BufferBefore),
            Duration.FromTimeSpan(page.BufferAfter),
            minimumNotice,
            horizon);
    }

    /// <summary>The windows open on a local date: the date's override when there is one, else the weekly hours.</summary>
    public IEnumerable<TimeRange> HoursOn(LocalDate date)
        => _overrides.TryGetValue(date, out var hours) ? hours : _weekly[date.DayOfWeek];
}

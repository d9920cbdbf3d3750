using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>
/// Builds the week of free times a booking page or a reschedule picker shows: the week asked for (never before today
/// in the viewer's zone), the free times in it grouped by the viewer's days, and links to the weeks around it.
/// </summary>
public sealed class SlotWeekBuilder(TimeProvider clock)
{
    public const int DaysShown = 7;

    /// <param name="zone">The viewer's zone.</param>
    /// <param name="requestedDate">The first day asked for (yyyy-MM-dd), or null for this week.</param>
    /// <param name="freeSlots">The free times within an interval: a page's, or those a booking may move to.</param>
    /// <param name="selected">The start values already chosen, shown as chosen.</param>
    /// <param name="weekUrl">The address of the week starting on a date (yyyy-MM-dd).</param>
    /// <param name="current">A session's present start, shown as its current time and not offered.</param>
    public async Task<SlotWeek> BuildAsync(
        DateTimeZone zone,
        string? requestedDate,
        Func<Interval, CancellationToken, Task<IReadOnlyList<Slot>>> freeSlots,
        IReadOnlySet<string> selected,
        Func<string, string> weekUrl,
        CancellationToken cancellationToken,
        Instant? current = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(freeSlots);
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var start = Weeks.Start(InputRules.ParseScheduleDate(requestedDate), today);
        var free = await freeSlots(ViewerRange.Of(start, start.PlusDays(DaysShown - 1), zone), cancellationToken);
        return new SlotWeek(start, SlotDays.Build(free, zone, selected, current), Weeks.Nav(start, today, DaysShown, weekUrl));
    }
}

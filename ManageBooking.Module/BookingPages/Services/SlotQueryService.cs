using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>The free slots of a booking page, as the booking page, the manage page and the API show them.</summary>
public sealed class SlotQueryService(BusyCalendarLoader busyLoader, TimeProvider clock)
{
    /// <summary>
    /// Free starts in <paramref name="range"/>; sessions in <paramref name="exceptSessionIds"/> do not count (they are
    /// moving), times in <paramref name="held"/> do (new times already chosen for other sessions of the same change).
    /// </summary>
    public Task<IReadOnlyList<Slot>> FindFreeSlotsAsync(
        BookingPage page, Interval range, IReadOnlyCollection<Guid>? exceptSessionIds, CancellationToken cancellationToken, IReadOnlyList<Instant>? held = null)
        => FindFreeSlotsAsync(page, Actor.Customer, range, exceptSessionIds, held, cancellationToken);

    /// <summary>The same, by the schedule <paramref name="actor"/> books by (staff: without the page's notice and horizon).</summary>
    public async Task<IReadOnlyList<Slot>> FindFreeSlotsAsync(
        BookingPage page, Actor actor, Interval range, IReadOnlyCollection<Guid>? exceptSessionIds, IReadOnlyList<Instant>? held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var schedule = PageSchedule.For(page, actor);
        var busy = await busyLoader.LoadAsync(page.CalendarId, range.Start, range.End, schedule, exceptSessionIds, cancellationToken);
        foreach (var start in held ?? [])
        {
            busy.Add(SlotEngine.Occupy(schedule, start));
        }

        return SlotEngine.FindFreeSlots(schedule, busy, range, clock.GetCurrentInstant());
    }
}

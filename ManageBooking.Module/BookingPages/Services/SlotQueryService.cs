using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>The free slots of a booking page, as the booking page, the manage page and the API show them.</summary>
public sealed class SlotQueryService(BusyCalendarLoader busyLoader, TimeProvider clock)
{
    public async Task<IReadOnlyList<Slot>> FindFreeSlotsAsync(
        BookingPage page, Interval range, IReadOnlyCollection<Guid>? exceptSessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var schedule = PageSchedule.For(page);
        var busy = await busyLoader.LoadAsync(page.CalendarId, range.Start, range.End, schedule, exceptSessionIds, cancellationToken);
        return SlotEngine.FindFreeSlots(schedule, busy, range, Instant.FromDateTimeOffset(clock.GetUtcNow()));
    }
}

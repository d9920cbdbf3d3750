using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Bookings;

/// <summary>Builds a new booking, its sessions and its first history line from a request whose slots were checked.</summary>
public static class BookingFactory
{
    /// <param name="staff">
    /// The staff member booking on the customer's behalf, or null for the customer themselves. Staff confirm what they
    /// book, on a page that asks for approval too: they are the ones who approve.
    /// </param>
    public static Booking Create(BookingPage page, PageSchedule schedule, NewBookingRequest request, Instant now, string reference, ActorInfo? staff = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(request);
        var nowUtc = now.ToDateTimeUtc();
        var booking = new Booking
        {
            Reference = reference,
            BookingPageId = page.Id,
            CalendarId = page.CalendarId,
            CustomerName = request.Name,
            CustomerEmail = request.Email,
            CustomerTimeZoneId = request.TimeZone.Id,
            Status = page.ApprovalMode == ApprovalMode.Manual && staff is null ? BookingStatus.Pending : BookingStatus.Confirmed,
            FirstStartUtc = request.Starts.Min().ToDateTimeUtc(),
            CreatedUtc = nowUtc,
            UpdatedUtc = nowUtc,
            Answers = [.. request.Answers],
            Location = request.Phone is null ? null : new BookingLocation(LocationKind.Phone, request.Phone, PhoneCaller.HostCalls),
        };

        foreach (var start in request.Starts)
        {
            booking.Sessions.Add(NewSession(booking, schedule, start));
        }

        var overrides = staff is null ? [] : Policies.StaffOverride.ForNewBooking(page, request.Starts, now);
        booking.History.Add(new BookingHistoryEntry
        {
            BookingId = booking.Id,
            AtUtc = nowUtc,
            Actor = staff?.Kind ?? Actor.Customer,
            ActorName = staff is null ? request.Name : staff.Name,
            Action = booking.Status == BookingStatus.Pending ? HistoryAction.Requested : HistoryAction.Confirmed,
            Detail = staff is null ? null : "Booked by staff on the customer's behalf." + (Policies.StaffOverride.Describe(overrides) is { } rules ? " " + rules : ""),
            OverrodePolicy = overrides.Count > 0,
        });
        return booking;
    }

    /// <summary>A scheduled session holding the calendar for its time and the page's buffers.</summary>
    public static BookingSession NewSession(Booking booking, PageSchedule schedule, Instant start)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var busy = SlotEngine.Occupy(schedule, start);
        var id = Guid.CreateVersion7();
        return new BookingSession
        {
            Id = id,
            LineageId = id,
            BookingId = booking.Id,
            CalendarId = booking.CalendarId,
            StartUtc = busy.Start.ToDateTimeUtc(),
            EndUtc = busy.End.ToDateTimeUtc(),
            BlockedStartUtc = busy.BlockedStart.ToDateTimeUtc(),
            BlockedEndUtc = busy.BlockedEnd.ToDateTimeUtc(),
        };
    }
}

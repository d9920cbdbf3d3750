using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Models;
using NodaTime;

namespace ManageBooking.Admin.ViewModels;

/// <summary>One current session as staff see it: when (in the page's and the customer's zone), its state, and what staff may do to it now.</summary>
public sealed record StaffSessionLine(
    Guid Id, string InPageZone, string InCustomerZone, string State, Attendance? Attendance, bool CanCancel, bool CanReschedule, bool CanMarkAttendance)
{
    /// <summary>Staff can tick it to reschedule or cancel it.</summary>
    public bool CanChoose => CanCancel || CanReschedule;

    /// <summary>The booking's current sessions in its page's and its customer's zone.</summary>
    public static IReadOnlyList<StaffSessionLine> For(ManagedBooking managed, Instant now)
    {
        ArgumentNullException.ThrowIfNull(managed);
        return For(managed, Scheduling.Zones.Of(managed.Page), Scheduling.Zones.OfCustomer(managed.Booking), now);
    }

    public static IReadOnlyList<StaffSessionLine> For(ManagedBooking managed, DateTimeZone pageZone, DateTimeZone customerZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(managed);
        var status = managed.Booking.Status;
        return [.. managed.Rights.Sessions.Select(rights =>
        {
            var session = rights.Session;
            var started = now >= Instant.FromDateTimeUtc(session.StartUtc);
            var state = session.Status == SessionStatus.Cancelled ? (status == BookingStatus.Declined ? "Declined" : "Cancelled")
                : status == BookingStatus.Pending ? "Awaiting approval"
                : started ? "Started"
                : "Scheduled";
            return new StaffSessionLine(
                session.Id,
                TimeDisplay.Range(session.StartUtc, session.EndUtc, pageZone),
                TimeDisplay.Range(session.StartUtc, session.EndUtc, customerZone),
                state,
                session.Attendance,
                rights.CanCancel,
                rights.CanReschedule,
                started && session.Status == SessionStatus.Scheduled && status is not (BookingStatus.Pending or BookingStatus.Declined));
        })];
    }
}

using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>Turns a managed booking into what the manage pages show, in the zone the viewer chose.</summary>
public sealed class ManageViewModelFactory(
    TimeProvider clock, PolicyText policy, LocationText locations, CalendarEntries calendar, TimeZones.ZonePicker zones, IStringLocalizer<SharedText> text)
{
    public ManageViewModel Create(ManagedBooking managed, string token, string? viewerZone)
    {
        ArgumentNullException.ThrowIfNull(managed);
        var booking = managed.Booking;
        var page = managed.Page;
        var choice = zones.Resolve(viewerZone);
        var zone = choice.Zone ?? Zones.OfCustomer(booking);
        var now = clock.GetCurrentInstant();
        var lines = managed.Rights.Sessions.Select(r => new ManageSessionLine(
            r.Session.Id,
            TimeDisplay.Range(r.Session.StartUtc, r.Session.EndUtc, zone),
            r.Session.Status,
            now >= Instant.FromDateTimeUtc(r.Session.StartUtc),
            r.CanCancel,
            r.CanReschedule,
            r.CanCancel || r.CanReschedule || managed.Rights.BookingRefusal != Refusal.None ? null : RefusalText.Title(r.Cancel))).ToList();
        var cancellation = managed.Cancellation;
        var first = booking.Sessions.Count > 0 ? Instant.FromDateTimeUtc(booking.FirstStartUtc) : now;
        return new ManageViewModel
        {
            Token = token,
            PageTitle = page.Title,
            PageSlug = page.Slug,
            Reference = booking.Reference,
            Status = booking.Status,
            ZoneId = zone.Id,
            ZoneLabel = text.ZoneLabel(zone, first),
            Zone = zones.Field(zone.Id, choice, id => $"/booking/manage/{token}?tz={Uri.EscapeDataString(id)}"),
            Sessions = lines,
            CancelPolicy = policy.Cancel(page.Manage),
            ReschedulePolicy = policy.Reschedule(page.Manage),
            PolicyText = page.Manage.PolicyText,
            CanCancel = managed.Rights.CanCancel,
            CanReschedule = managed.Rights.CanReschedule,
            BookingRefusal = managed.Rights.BookingRefusal,
            NothingAhead = lines.All(l => l.Started || l.Status == SessionStatus.Cancelled),
            CancelledWhen = cancellation is null ? null : TimeDisplay.At(cancellation.AtUtc, zone),
            CancelledBy = cancellation?.Actor,
            OwnerName = page.OwnerName,
            OwnerEmail = page.OwnerEmail,
            CancelReason = page.Manage.CancelReason,
            RescheduleReason = page.Manage.RescheduleReason,
            Version = booking.Version,
            IsPackage = lines.Count > 1,
            RescheduleRequested = booking.RescheduleRequestedUtc is not null && managed.Rights.CanReschedule,
            Location = BookingLocation.Of(booking, page) is { } location ? locations.Describe(location, page.OwnerName, booked: true) : null,
            Contact = new OwnerContact(page.OwnerName, page.OwnerEmail, page.Manage.ContactText),
            IsManualApproval = page.ApprovalMode == ApprovalMode.Manual,
            BookAgainUrl = booking.Status is BookingStatus.Cancelled or BookingStatus.Declined && page.IsPublished ? "/book/" + page.Slug : null,
            CalendarLinks = [.. calendar.Upcoming(booking, page, now).Select(e => new CalendarLinksLine(
                TimeDisplay.Range(e.Start, e.End, zone), Calendars.CalendarLinks.Google(e), Calendars.CalendarLinks.Outlook(e)))],
        };
    }
}

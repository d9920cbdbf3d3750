using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using NodaTime;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// A realistic booking to check and preview templates with, never a real customer's: a request awaiting approval on a
/// package page, one session moved and one cancelled with a reason, every value a template can reach filled in.
/// </summary>
public sealed class NotificationSample
{
    private static readonly Instant Start = Instant.FromUtc(2030, 1, 7, 15, 0);

    private NotificationSample(Booking booking, BookingChange change)
    {
        Booking = booking;
        Change = change;
    }

    public Booking Booking { get; }

    public BookingChange Change { get; }

    /// <param name="culture">The language the sample customer booked in (null: the site's own).</param>
    /// <param name="like">A real page whose title, address and owner the sample takes, so a preview reads as that page's emails (and uses its email layout).</param>
    public static NotificationSample Create(string? culture = null, BookingPage? like = null)
    {
        var page = new BookingPage
        {
            Slug = like?.Slug ?? "sample-package",
            Title = like?.Title ?? "Sample package",
            OwnerName = like?.OwnerName ?? "Alex Owner",
            OwnerEmail = like?.OwnerEmail ?? "owner@example.com",
            StakeholderEmails = ["assistant@example.com"],
            TimeZoneId = "America/New_York",
            SessionsPerBooking = 3,
            ApprovalMode = ApprovalMode.Manual,
            Manage = new ManageSettings { Enabled = true, PolicyText = "Sample policy." },
        };
        var booking = new Booking
        {
            Reference = "MB-SAMPLE",
            BookingPageId = page.Id,
            Page = page,
            CustomerName = "Ada Lovelace",
            CustomerEmail = "ada@example.com",
            CustomerTimeZoneId = "Europe/London",
            Culture = culture,
            Status = BookingStatus.Pending,
            RescheduleCount = 1,
            FirstStartUtc = Start.ToDateTimeUtc(),
        };
        var first = Session(booking, Start, SessionStatus.Scheduled);
        var moved = Session(booking, Start + Duration.FromDays(7), SessionStatus.Cancelled);
        moved.IsReplaced = true;
        var movedTo = Session(booking, Start + Duration.FromDays(8), SessionStatus.Scheduled);
        movedTo.LineageId = moved.LineageId;
        movedTo.ReplacesSessionId = moved.Id;
        movedTo.Sequence = 1;
        var cancelled = Session(booking, Start + Duration.FromDays(14), SessionStatus.Cancelled);
        cancelled.Sequence = 1;
        booking.Sessions.AddRange([first, moved, movedTo, cancelled]);
        var change = new BookingChange(
            BookingEvent.Cancelled,
            [SessionFact.Of(cancelled)],
            [new SessionMoveFact(SessionFact.Of(moved), SessionFact.Of(movedTo))],
            "A sample reason, with <markup> & \"quotes\"",
            Actor.Customer,
            booking.CustomerName,
            null) { Partial = true };
        return new NotificationSample(booking, change);
    }

    /// <summary>The sample as a customer email of <paramref name="bookingEvent"/> would be rendered.</summary>
    public EmailRender For(BookingEvent bookingEvent, NotificationTask? task = null, DeliveryTarget? target = null)
        => new(
            Booking,
            task ?? new NotificationTask(NotificationTaskKind.SendEmail),
            bookingEvent,
            bookingEvent == BookingEvent.ReminderDue ? null : Change with { Event = bookingEvent },
            bookingEvent == BookingEvent.ReminderDue ? Booking.Sessions[0].LineageId : null,
            target ?? new DeliveryTarget(Booking.CustomerEmail, ForCustomer: true),
            Instant.FromUtc(2030, 1, 1, 12, 0),
            Guid.NewGuid()) { IsSample = true };

    private static BookingSession Session(Booking booking, Instant start, SessionStatus status)
    {
        var id = Guid.NewGuid();
        return new BookingSession
        {
            Id = id,
            LineageId = id,
            BookingId = booking.Id,
            StartUtc = start.ToDateTimeUtc(),
            EndUtc = (start + Duration.FromMinutes(45)).ToDateTimeUtc(),
            Status = status,
        };
    }
}

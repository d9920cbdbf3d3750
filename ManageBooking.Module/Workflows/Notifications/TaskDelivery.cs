using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Notifications;
using NodaTime;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// One outbox message to deliver, with everything as it stands when it is sent: the rule and its task, the booking with
/// its page and sessions, and the change the message tells of (null for a reminder).
/// </summary>
public sealed record TaskDelivery(OutboxMessage Message, NotificationRule Rule, NotificationTask Task, Booking Booking, BookingChange? Change, Instant Now)
{
    public BookingPage Page => Booking.Page!;

    public BookingEvent Event => Message.Event ?? Rule.Event;
}

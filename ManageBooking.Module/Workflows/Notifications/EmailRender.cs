using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using NodaTime;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// One email to render: the booking as it is now (with its page and sessions), the rule task, the event and the change
/// it tells of (none for a reminder, which tells of the session of <see cref="LineageId"/>), and its recipient.
/// </summary>
public sealed record EmailRender(
    Booking Booking,
    NotificationTask Task,
    BookingEvent Event,
    BookingChange? Change,
    Guid? LineageId,
    DeliveryTarget Target,
    Instant Now,
    Guid MessageId)
{
    public BookingPage Page => Booking.Page!;

    /// <summary>A rule editor's sample: links point at an example address instead of a real booking's.</summary>
    public bool IsSample { get; init; }
}

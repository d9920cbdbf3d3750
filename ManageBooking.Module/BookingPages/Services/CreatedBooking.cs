using ManageBooking.Models;
using ManageBooking.Notifications;

namespace ManageBooking.BookingPages.Services;

/// <summary>A booking just made, with its manage token (derived from the booking, handed to whoever made it).</summary>
public sealed record CreatedBooking(Booking Booking, BookingPage Page, string ManageToken)
{
    /// <summary>What the new booking's notice queued.</summary>
    public NotificationPlan Notified { get; init; } = NotificationPlan.Off;
}

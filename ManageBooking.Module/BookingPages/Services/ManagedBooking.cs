using ManageBooking.Models;
using ManageBooking.Notifications;
using ManageBooking.Policies;

namespace ManageBooking.BookingPages.Services;

/// <summary>A booking opened through its manage link or by staff, with what the actor may do now.</summary>
public sealed record ManagedBooking(Booking Booking, BookingPage Page, BookingRights Rights)
{
    /// <summary>After a change: what its notice queued (null when the change tells no one, as a note or an answer).</summary>
    public NotificationPlan? Notified { get; init; }

    /// <summary>The history entry of a cancelled booking's cancellation (its reason is shown); null otherwise.</summary>
    public BookingHistoryEntry? Cancellation { get; init; }
}

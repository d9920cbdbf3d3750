using ManageBooking.Models;
using ManageBooking.Models.Notifications;

namespace ManageBooking.Notifications;

/// <summary>
/// A committed-with-it change to notify about: the event, the sessions it touched (for a move, the new ones, with the
/// old ones in <see cref="Moves"/>) and the reason. Links in emails are derived from the booking, never passed along.
/// </summary>
public sealed record BookingNotice(
    BookingEvent Event,
    Booking Booking,
    BookingPage Page,
    IReadOnlyList<BookingSession> Sessions,
    string? Reason = null,
    IReadOnlyList<(BookingSession Old, BookingSession New)>? Moves = null)
{
    /// <summary>False when staff chose not to tell the customer (a cancellation on their behalf, say).</summary>
    public bool NotifyCustomer { get; init; } = true;

    /// <summary>False for messages meant for the customer alone, such as a resent confirmation.</summary>
    public bool NotifyTeam { get; init; } = true;

    /// <summary>True when staff send an earlier email again: reminders are planned already.</summary>
    public bool IsResend { get; init; }
}

using ManageBooking.Models;
using ManageBooking.Models.Notifications;

namespace ManageBooking.Notifications;

/// <summary>
/// A committed-with-it change to notify about: the event, the sessions it touched (for a move, the new ones, with the
/// old ones in <see cref="Moves"/>), the reason, and the manage token when the actor has it (to put links in emails).
/// </summary>
public sealed record BookingNotice(
    BookingEvent Event,
    Booking Booking,
    BookingPage Page,
    IReadOnlyList<BookingSession> Sessions,
    string? ManageToken,
    string? Reason = null,
    IReadOnlyList<(BookingSession Old, BookingSession New)>? Moves = null)
{
    /// <summary>False when staff chose not to tell the customer (a cancellation on their behalf, say).</summary>
    public bool NotifyCustomer { get; init; } = true;

    /// <summary>False for messages meant for the customer alone, such as a resent confirmation.</summary>
    public bool NotifyTeam { get; init; } = true;
}

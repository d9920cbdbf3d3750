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
    IReadOnlyList<(BookingSession Old, BookingSession New)>? Moves = null);

using ManageBooking.Models;
using ManageBooking.Models.Notifications;

namespace ManageBooking.Notifications;

/// <summary>
/// What happened to a booking, as an outbox row keeps it: the event, the sessions it touched as they were right after
/// it (for a move, the new ones, with the old ones in <see cref="Moves"/>), the reason, who acted and in which language
/// the customer booked. Emails are rendered from this and the booking's state when they are sent, so they never hold a
/// stale link, toggle or template.
/// </summary>
public sealed record BookingChange(
    BookingEvent Event,
    IReadOnlyList<SessionFact> Sessions,
    IReadOnlyList<SessionMoveFact> Moves,
    string? Reason,
    Actor Actor,
    string? ActorName,
    string? Culture)
{
    /// <summary>A cancellation that left other sessions of the booking scheduled.</summary>
    public bool Partial { get; init; }
}

using ManageBooking.Models;

namespace ManageBooking.Policies;

/// <summary>What may be done to one current session, and if not, why.</summary>
public sealed record SessionRights(BookingSession Session, Refusal Cancel, Refusal Reschedule)
{
    public bool CanCancel => Cancel == Refusal.None;

    public bool CanReschedule => Reschedule == Refusal.None;
}

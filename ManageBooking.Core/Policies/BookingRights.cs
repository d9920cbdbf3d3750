using ManageBooking.Models;

namespace ManageBooking.Policies;

/// <summary>What an actor may do with a booking now: per current session, and in sum.</summary>
public sealed record BookingRights(Actor Actor, IReadOnlyList<SessionRights> Sessions, Refusal BookingRefusal)
{
    public const string CancelAction = "cancel";
    public const string RescheduleAction = "reschedule";

    public bool CanCancel => Sessions.Any(s => s.CanCancel);

    public bool CanReschedule => Sessions.Any(s => s.CanReschedule);

    /// <summary>The API's allowedActions: "cancel" and "reschedule" when at least one session allows them.</summary>
    public IReadOnlyList<string> AllowedActions
        => [.. new[] { (CanCancel, CancelAction), (CanReschedule, RescheduleAction) }.Where(a => a.Item1).Select(a => a.Item2)];

    public SessionRights? For(Guid sessionId) => Sessions.FirstOrDefault(s => s.Session.Id == sessionId);
}

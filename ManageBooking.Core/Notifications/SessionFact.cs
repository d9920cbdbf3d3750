using ManageBooking.Models;

namespace ManageBooking.Notifications;

/// <summary>A session as a change left it: what an email about that change describes, whatever happens to it later.</summary>
public sealed record SessionFact(Guid SessionId, Guid LineageId, DateTime StartUtc, DateTime EndUtc, int Sequence, bool Cancelled)
{
    public static SessionFact Of(BookingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new SessionFact(session.Id, session.LineageId, session.StartUtc, session.EndUtc, session.Sequence, session.Status == SessionStatus.Cancelled);
    }
}

namespace ManageBooking.Notifications;

/// <summary>One session moved by a reschedule: where it was and where it went.</summary>
public sealed record SessionMoveFact(SessionFact From, SessionFact To);

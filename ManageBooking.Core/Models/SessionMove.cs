namespace ManageBooking.Models;

/// <summary>One session moved by a reschedule: the new session's id, and the old and new start times.</summary>
public sealed record SessionMove(Guid SessionId, DateTime FromStartUtc, DateTime ToStartUtc);

namespace ManageBooking.Api.Contracts;

/// <summary>
/// The body of POST /api/manage/{token}/reschedule: one session (<c>sessionId</c>, left out when the booking has one) to
/// <c>start</c>, or several at once in <c>moves</c>, one change.
/// </summary>
public sealed record RescheduleBody(Guid? SessionId, string? Start, string? Reason, IReadOnlyList<MoveBody>? Moves = null);

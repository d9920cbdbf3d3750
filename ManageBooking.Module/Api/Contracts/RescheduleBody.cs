namespace ManageBooking.Api.Contracts;

/// <summary>The body of POST /api/manage/{token}/reschedule; the session may be left out when the booking has one.</summary>
public sealed record RescheduleBody(Guid? SessionId, string? Start, string? Reason);

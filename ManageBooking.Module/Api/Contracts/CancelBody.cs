namespace ManageBooking.Api.Contracts;

/// <summary>The body of POST /api/manage/{token}/cancel; no session ids cancels every session still to come.</summary>
public sealed record CancelBody(IReadOnlyList<Guid>? SessionIds, string? Reason);

namespace ManageBooking.Api.Contracts;

/// <summary>One session of a several-session reschedule and its new start.</summary>
public sealed record MoveBody(Guid? SessionId, string? Start);

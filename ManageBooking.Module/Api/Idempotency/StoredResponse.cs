namespace ManageBooking.Api.Idempotency;

/// <summary>What is kept of an answer to replay it byte for byte.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);

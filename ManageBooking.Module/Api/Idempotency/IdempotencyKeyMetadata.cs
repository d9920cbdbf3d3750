namespace ManageBooking.Api.Idempotency;

/// <summary>Marks an endpoint that honours Idempotency-Key, so its OpenAPI operation documents the header.</summary>
public sealed class IdempotencyKeyMetadata
{
    public static IdempotencyKeyMetadata Instance { get; } = new();

    private IdempotencyKeyMetadata()
    {
    }
}

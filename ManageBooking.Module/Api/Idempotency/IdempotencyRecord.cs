namespace ManageBooking.Api.Idempotency;

/// <summary>
/// The first answer to a request made with an Idempotency-Key, kept for a day so a retry gets it again instead of
/// repeating the change. It is written in the same transaction as the change itself: either both exist or neither.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>SHA-256 of the method, path and key: the natural key (paths of manage links hold tokens, never stored).</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>SHA-256 of the request body, so the same key with another body is told apart.</summary>
    public string RequestHash { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>The answer (status, headers, body) encrypted with Data Protection: a new booking's answer holds its manage link.</summary>
    public string? Response { get; set; }
}

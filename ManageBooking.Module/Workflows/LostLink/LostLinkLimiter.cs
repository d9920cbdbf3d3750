using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.LostLink;

/// <summary>
/// Counts "Lost your link?" requests per email address, known or not, so the limit itself tells nobody whether an
/// address has bookings. Per node: several nodes each allow the limit, which still bounds what one mailbox receives.
/// </summary>
public sealed class LostLinkLimiter(IOptions<LostLinkOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
        address,
        _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.Value.RequestsPerAddressPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

    /// <summary>True when the address may be sent its links now; <paramref name="retryAfter"/> says when otherwise.</summary>
    public bool TryAcquire(string normalizedAddress, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(normalizedAddress);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Security;

/// <summary>
/// Limits how fast one client can try manage links, so that guessing (hopeless against 256-bit tokens anyway) cannot
/// be turned into load. Generous enough that a customer browsing weeks of times never meets it.
/// </summary>
public static class ManageLinkRateLimiting
{
    public const string PolicyName = "manage-link";
    public const string PermitsKey = "ManageBooking:RateLimit:ManageLinkRequestsPerMinute";
    public const int DefaultPermitsPerMinute = 60;

    public static IServiceCollection AddManageLinkRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(PermitsKey, DefaultPermitsPerMinute);
        return services.AddRateLimiter(options =>
        {
            // The default answer is 503, which tells a client to come back soon; 429 with Retry-After says why and when.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                        title: "Too many requests.",
                        detail: "Wait a minute, then try the link again.",
                        statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Key(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }
}

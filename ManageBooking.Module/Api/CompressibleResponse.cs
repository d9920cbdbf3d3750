using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Api;

/// <summary>
/// Marks an endpoint whose answers carry no secret (no manage token, no antiforgery token, nothing of one visitor's), so
/// compressing them exposes nothing to BREACH, which reads a secret out of the compressed length of a response that also
/// reflects the attacker's input. Only these are compressed; pages and answers that carry a token never are.
/// </summary>
public sealed class CompressibleResponse
{
    public static readonly CompressibleResponse Instance = new();

    private CompressibleResponse()
    {
    }

    /// <summary>Compresses (Brotli or gzip, as the client accepts) the answers of the endpoints marked as carrying no secret.</summary>
    public static IApplicationBuilder UseForMarkedEndpoints(IApplicationBuilder app)
        => app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<CompressibleResponse>() is not null, branch => branch.UseResponseCompression());
}

using System.IO.Compression;
using ManageBooking.Modularity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Api;

/// <summary>The ManageBooking.Api feature: the JSON API for headless sites and apps.</summary>
public sealed class ApiStartup : IFeatureStartup
{
    public string FeatureId => FeatureIds.Api;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<Idempotency.IdempotencyRecordSweeper>();
        services.AddManageBookingOpenApi();

        // JSON only, and only where an endpoint says its answers carry no secret (CompressibleResponse). The fastest
        // levels: a slots answer shrinks to about a tenth either way, and the CPU a higher level costs is better spent
        // answering.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["application/json"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBookingPagesApi();
        endpoints.MapManageApi();
        ApiDocument.Map(endpoints);
    }
}

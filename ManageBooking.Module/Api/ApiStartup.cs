using ManageBooking.Modularity;
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
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBookingPagesApi();
        endpoints.MapManageApi();
        ApiDocument.Map(endpoints);
    }
}

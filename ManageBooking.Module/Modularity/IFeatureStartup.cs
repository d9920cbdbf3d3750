using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Modularity;

/// <summary>
/// One feature of the module (module.json lists them): its services and its endpoints, as Orchard Core's Startup. The
/// feature's folder is its startup's namespace: every type under it belongs to the feature.
/// </summary>
public interface IFeatureStartup
{
    /// <summary>The feature's id in module.json; configuration switches it off with ManageBooking:Features:{Id}=false.</summary>
    string FeatureId { get; }

    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the feature's endpoints; middleware belongs to the host (see UseManageBooking).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

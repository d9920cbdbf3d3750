using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking;

/// <summary>One feature of the module (module.json lists them): its services and its endpoints, as Orchard Core's Startup.</summary>
public interface IFeatureStartup
{
    /// <summary>The feature's id in module.json; configuration switches it off with ManageBooking:Features:{Id}=false.</summary>
    string FeatureId { get; }

    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    void Configure(WebApplication app);
}

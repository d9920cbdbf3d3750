using ManageBooking.Modularity;
using ManageBooking.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ManageBooking;

/// <summary>
/// How a site composes the module: <c>AddManageBooking()</c> registers the enabled features' services,
/// <c>UseManageBooking()</c> adds the middleware the module needs, <c>MapManageBooking()</c> maps its endpoints. The
/// host keeps the rest of its pipeline (exception handling, HTTPS, static files, its own endpoints).
/// </summary>
public static class ManageBookingHostExtensions
{
    /// <summary>
    /// Reads module.json and the ManageBooking:Features switches (refusing a feature whose dependency is off), then
    /// registers every enabled feature. The store is migrated and seeded while the host starts, before it serves.
    /// </summary>
    public static IServiceCollection AddManageBooking(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var features = EnabledFeatures.From(ModuleManifest.Current, configuration);
        services.AddSingleton(features);
        foreach (var feature in FeatureStartups.Enabled(features))
        {
            feature.ConfigureServices(services, configuration);
        }

        return services;
    }

    /// <summary>
    /// The module's middleware, in this order: status pages (re-executed), the request's language, the manage-link rate limiter, authentication,
    /// authorization, and compression of the API answers that carry no secret. Call it after UseRouting (when the host calls it itself) and before mapping endpoints; the site's
    /// own middleware goes around it as the site needs. The security middleware (forwarded headers from known proxies,
    /// security headers, HTTPS redirection, Secure cookies) is not here: AddManageBooking puts it in front of the whole
    /// pipeline with a startup filter, as ASP.NET Core does for its own forwarded headers, so that it sees every
    /// response, the host's error pages included.
    /// </summary>
    public static IApplicationBuilder UseManageBooking(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var features = app.ApplicationServices.GetRequiredService<EnabledFeatures>();
        if (!features.IsEnabled(FeatureIds.Main))
        {
            return app;
        }

        // An answer without a body is re-executed here (after routing, so it is routed again, in the visitor's language):
        // a browser gets a themed page for an unknown customer address, any other client its problem details.
        app.UseStatusCodePagesWithReExecute("/" + BookingPages.Controllers.StatusController.Path);
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        if (features.IsEnabled(FeatureIds.Api))
        {
            Api.CompressibleResponse.UseForMarkedEndpoints(app);
        }

        return app;
    }

    /// <summary>
    /// Migrates and seeds the store, then returns, without starting the site: for a deploy step that runs once before
    /// the nodes start (the site's --migrate-only). A starting site does the same itself, under the same lock.
    /// </summary>
    public static Task MigrateManageBookingStoreAsync(this IHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Data.StoreInitializer.InitializeAsync(host.Services, cancellationToken);
    }

    /// <summary>Maps the endpoints of every enabled feature (and nothing of a feature switched off).</summary>
    public static IEndpointRouteBuilder MapManageBooking(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var features = endpoints.ServiceProvider.GetRequiredService<EnabledFeatures>();
        foreach (var feature in FeatureStartups.Enabled(features))
        {
            feature.MapEndpoints(endpoints);
        }

        return endpoints;
    }
}

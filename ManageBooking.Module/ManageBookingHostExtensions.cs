using ManageBooking.Api;
using ManageBooking.Data;
using ManageBooking.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking;

/// <summary>The two calls a host makes: AddManageBooking() and MapManageBooking().</summary>
public static class ManageBookingHostExtensions
{
    private static IFeatureStartup[] AllFeatures() => [new Startup(), new ApiStartup(), new Notifications.WorkflowsStartup(), new Admin.AdminStartup()];

    /// <summary>Registers every feature that configuration does not switch off.</summary>
    public static IServiceCollection AddManageBooking(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var feature in EnabledFeatures(configuration))
        {
            feature.ConfigureServices(services, configuration);
        }

        return services;
    }

    /// <summary>Brings the store up to date, then adds the middleware and the endpoints of every enabled feature.</summary>
    public static WebApplication MapManageBooking(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        StoreInitializer.InitializeAsync(app.Services, app.Lifetime.ApplicationStopping).GetAwaiter().GetResult();

        // Bad requests (malformed JSON, a body over the limit) keep their 4xx; anything else is a 500 without details.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UsePrivateLinkHeaders();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStaticAssets();
        foreach (var feature in EnabledFeatures(app.Configuration))
        {
            feature.Configure(app);
        }

        return app;
    }

    private static IEnumerable<IFeatureStartup> EnabledFeatures(IConfiguration configuration)
        => AllFeatures().Where(f => f.FeatureId == "ManageBooking"
            || configuration.GetValue($"ManageBooking:Features:{f.FeatureId}", defaultValue: true));
}

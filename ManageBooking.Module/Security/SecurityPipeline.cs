using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ManageBooking.Security;

/// <summary>
/// The transport half of the module's security: forwarded headers from known proxies only, HTTPS redirection when the
/// site has an HTTPS address, Secure cookies over HTTPS, and the security headers on every response.
/// </summary>
public static class SecurityPipeline
{
    public static IServiceCollection AddManageBookingSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.SectionName))
            .Validate(o => o.Problem() is null, "ManageBooking:Security is invalid: FrameAncestors takes 'none', 'self' or origins; ForwardedHeaders takes proxy addresses or networks.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; here only the proxies the operator names are believed, and a
            // chain of them is walked back to the first address none of them owns: the client.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = null;
            var (proxies, networks) = security.Value.TrustedProxies();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });

        // The security headers middleware decides X-Frame-Options for every response, from FrameAncestors.
        services.Configure<AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
        services.AddTransient<IStartupFilter, SecurityStartupFilter>();
        return services;
    }

    /// <summary>Goes first in the pipeline, so that every later middleware sees the real client and scheme.</summary>
    internal static IApplicationBuilder UseManageBookingSecurity(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configuration);

        // With no known proxy the framework would believe every sender's X-Forwarded-For: without one, no forwarding.
        var (proxies, networks) = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.TrustedProxies();
        if (proxies.Count + networks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (HasHttpsAddress(configuration))
        {
            app.UseHttpsRedirection();
        }

        return app.UseCookiePolicy(new CookiePolicyOptions
        {
            Secure = CookieSecurePolicy.SameAsRequest,
            HttpOnly = HttpOnlyPolicy.Always,
            MinimumSameSitePolicy = SameSiteMode.Lax,
        });
    }

    /// <summary>
    /// Redirecting to HTTPS needs a port to send people to; a site that listens on HTTP only (or behind a proxy that
    /// terminates TLS, which sends X-Forwarded-Proto instead) has none and is left alone.
    /// </summary>
    private static bool HasHttpsAddress(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration["https_port"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
            || configuration.GetSection("Kestrel:Endpoints").GetChildren()
                .Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Puts the security middleware in front of everything the host adds, its exception handler included.</summary>
    private sealed class SecurityStartupFilter(IConfiguration configuration) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
            => app =>
            {
                app.UseManageBookingSecurity(configuration);
                next(app);
            };
    }
}

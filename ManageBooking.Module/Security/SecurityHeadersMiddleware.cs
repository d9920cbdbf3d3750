using System.Net;
using ManageBooking.BookingPages.Services;
using ManageBooking.Theming;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ManageBooking.Security;

/// <summary>
/// Sets the security headers on every response, whatever produced it (pages, API, static files, errors, the rate
/// limiter's 429): the Content-Security-Policy, nosniff, the referrer and permissions policies, HSTS over HTTPS, and
/// the private-link headers where an address carries a manage token.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityOptions> options, ThemeSettingsStore themes)
{
    /// <summary>Denies every powerful feature: no page of the module uses one.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), "
        + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
        + "publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()";

    /// <summary>One year: long enough for the Observatory and browsers' preload rules, short enough to undo.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private readonly string _frameAncestors = string.Join(' ', options.Value.FrameAncestorSources());
    private readonly string? _frameOptions = options.Value.FrameAncestorSources() switch
    {
        ["'none'"] => "DENY",
        ["'self'"] => "SAMEORIGIN",
        _ => null, // X-Frame-Options cannot name other origins; frame-ancestors alone speaks for them.
    };

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() => ApplyAsync(context));
        return next(context);
    }

    private async Task ApplyAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        // Only a page shows the logo; the page has read the theme already, so this costs no second query, and a static
        // file or an API answer keeps the stricter policy without asking the store at all.
        var logoOrigin = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            ? LogoOrigin((await themes.GetAsync(CancellationToken.None)).LogoUrl)
            : null;
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<SandboxedDocumentAttribute>() is not null)
        {
            headers.ContentSecurityPolicy = SandboxedDocumentAttribute.ContentSecurityPolicy;
            headers.XFrameOptions = "SAMEORIGIN";
        }
        else
        {
            var framesOwn = endpoint?.Metadata.GetMetadata<FramesOwnDocumentsAttribute>() is not null;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context.CspNonce(), logoOrigin, framesOwn);
            if (_frameOptions is not null)
            {
                headers.XFrameOptions = _frameOptions;
            }
        }

        headers.XContentTypeOptions = "nosniff";

        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (IsPrivateLink(context))
        {
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex, nofollow";
        }
        else
        {
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        }

        if (context.Request.IsHttps && !IsLocalHost(context.Request.Host.Host))
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
    }

    /// <summary>
    /// No inline script and no script from elsewhere; styles only from the site and the one nonce'd element; images and
    /// fonts from the site (plus data: images and the configured logo's origin), so CSS that slipped past the sanitiser
    /// still cannot send a request, and a token with it, to another host. Frames only where a page shows one of the
    /// site's own documents.
    /// </summary>
    private string ContentSecurityPolicy(string nonce, string? logoOrigin, bool framesOwn)
        => "default-src 'none'; script-src 'self'; "
            + $"style-src 'self' 'nonce-{nonce}'; "
            + $"img-src 'self' data:{(logoOrigin is null ? "" : " " + logoOrigin)}; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; "
            + (framesOwn ? "frame-src 'self'; " : "")
            + $"form-action 'self'; frame-ancestors {_frameAncestors}; base-uri 'none'; object-src 'none'";

    /// <summary>The scheme and authority of an absolute logo address: an owner's logo may live on another host.</summary>
    private static string? LogoOrigin(string? logoUrl)
        => Uri.TryCreate(logoUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    /// <summary>Addresses whose path or answer carries a manage token: marked endpoints, and the manage paths even when no endpoint matched.</summary>
    private static bool IsPrivateLink(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<PrivateLinkAttribute>() is not null
            || context.Request.Path.StartsWithSegments(ManagePaths.PagePrefix, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments(ManagePaths.ApiPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>As ASP.NET Core's own HSTS middleware: a developer's https://localhost must not stick in the browser.</summary>
    private static bool IsLocalHost(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

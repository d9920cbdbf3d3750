using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace ManageBooking.Admin;

/// <summary>Asks for English on the admin's paths, ahead of the cookie, query and browser the customer pages follow.</summary>
public sealed class AdminCultureProvider : RequestCultureProvider
{
    private static readonly ProviderCultureResult English = new("en");

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Task.FromResult(httpContext.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) ? English : null);
    }
}

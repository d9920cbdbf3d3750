using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Security;

/// <summary>Adds the private-link headers to every answer of an endpoint marked <see cref="PrivateLinkAttribute"/>, errors included.</summary>
public static class PrivateLinkHeaders
{
    public static IApplicationBuilder UsePrivateLinkHeaders(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PrivateLinkAttribute>() is not null)
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.CacheControl = "no-store";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers["X-Robots-Tag"] = "noindex, nofollow";
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
}

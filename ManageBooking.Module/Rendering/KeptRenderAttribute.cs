using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Rendering;

/// <summary>
/// Serves an action's page from <see cref="RenderCache"/> when it is kept, before the controller is even made (no model
/// binding, no services resolved for it); otherwise leaves the key for the action, which says until when its page holds
/// (<see cref="RenderLookup.Keep"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KeptRenderAttribute(KeptRenderKind kind) : Attribute, IAsyncResourceFilter
{
    /// <summary>The route value that names the booking (the manage token) or the page (its slug).</summary>
    public string RouteValue { get; init; } = kind == KeptRenderKind.Booking ? "token" : "slug";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var stamps = http.RequestServices.GetRequiredService<RenderStamps>();
        var name = context.RouteData.Values[RouteValue] as string;
        var key = name is null ? null
            : kind == KeptRenderKind.Booking
                ? await stamps.BookingKeyAsync(http, name, http.RequestAborted)
                : await stamps.PageKeyAsync(http, name, http.Request.Cookies[RenderLookup.ZoneCookie], http.RequestAborted);
        if (key is not null)
        {
            if (http.RequestServices.GetRequiredService<RenderCache>().TryGet(key, out var kept))
            {
                context.Result = new RenderedPageResult(kept);
                return;
            }

            http.Features.Set(new RenderLookup(key));
        }

        await next();
    }
}

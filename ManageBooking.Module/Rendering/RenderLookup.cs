using Microsoft.AspNetCore.Http;
using NodaTime;

namespace ManageBooking.Rendering;

/// <summary>A request's look-up in <see cref="RenderCache"/> that missed: the key its page will be kept under.</summary>
public sealed record RenderLookup(string Key)
{
    /// <summary>The zone the booking page's script found in this browser: it picks the zone a booking page opens in.</summary>
    public const string ZoneCookie = "mb-tz";

    /// <summary>Asks for the page this request renders to be kept until <paramref name="validUntil"/>, if it was looked up.</summary>
    public static void Keep(HttpContext context, Instant validUntil)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<RenderLookup>() is { } lookup)
        {
            context.Features.Set(new RenderIntent(lookup.Key, validUntil));
        }
    }
}

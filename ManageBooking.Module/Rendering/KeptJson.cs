using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ManageBooking.Rendering;

/// <summary>An API answer written as JSON once and kept in <see cref="RenderCache"/> under the key its endpoint read.</summary>
public static class KeptJson
{
    /// <param name="key">From <see cref="RenderStamps"/>, read before the data of <paramref name="value"/>; null: answer only.</param>
    public static IResult Answer<T>(HttpContext context, RenderCache cache, string? key, T value, Instant validUntil)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(cache);
        if (key is null)
        {
            return TypedResults.Ok(value);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var page = new RenderedPage([JsonSerializer.SerializeToUtf8Bytes(value, options)], [], "application/json; charset=utf-8", validUntil);
        cache.Set(key, page);
        return new RenderedPageResult(page);
    }
}

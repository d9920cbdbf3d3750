using ManageBooking.Bookings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ManageBooking.Api;

/// <summary>
/// Caps the body of an endpoint: Kestrel stops reading at the limit (RequestSizeLimit), and a declared length over it is
/// refused before the handler runs on any server, the in-memory test server included.
/// </summary>
public static class BodyLimitExtensions
{
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
            .AddEndpointFilter(async (context, next) =>
            {
                if (context.HttpContext.Request.ContentLength > maxBytes)
                {
                    return Results.Problem(
                        title: "The request is too large.",
                        detail: $"Send at most {maxBytes / 1024} KB.",
                        statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                return await next(context);
            });
    }
}

using Microsoft.AspNetCore.Http;

namespace ManageBooking.Api.Idempotency;

/// <summary>Writes a kept answer as it was first written: status, content type, location and body.</summary>
internal sealed class StoredResponseResult(StoredResponse response) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = response.StatusCode;
        httpContext.Response.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            httpContext.Response.Headers.Location = response.Location;
        }

        await httpContext.Response.Body.WriteAsync(response.Body, httpContext.RequestAborted);
    }
}

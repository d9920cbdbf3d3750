using System.Buffers;
using System.Text;
using ManageBooking.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Rendering;

/// <summary>Serves a kept page or answer, a page with this response's own nonce and antiforgery token in its holes.</summary>
public sealed class RenderedPageResult(RenderedPage page) : IActionResult, IResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        byte[]? nonce = page.Holes.Contains(RenderHole.CspNonce) ? Encoding.ASCII.GetBytes(httpContext.CspNonce()) : null;
        byte[]? token = page.Holes.Contains(RenderHole.AntiforgeryToken)
            ? Encoding.ASCII.GetBytes(httpContext.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(httpContext).RequestToken!)
            : null;

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = page.ContentType;
        response.ContentLength = page.Parts.Sum(p => (long)p.Length) + page.Holes.Sum(h => (long)(h == RenderHole.CspNonce ? nonce! : token!).Length);
        var writer = response.BodyWriter;
        for (var i = 0; i < page.Parts.Count; i++)
        {
            writer.Write(page.Parts[i].Span);
            if (i < page.Holes.Count)
            {
                writer.Write(page.Holes[i] == RenderHole.CspNonce ? nonce : token);
            }
        }

        await writer.FlushAsync(httpContext.RequestAborted);
    }
}

using System.Text;
using ManageBooking.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ManageBooking.Rendering;

/// <summary>
/// Keeps a page an action marked with a <see cref="RenderIntent"/> once its view has rendered: the bytes are written to
/// the response as usual and stored in <see cref="RenderCache"/>, cut at this response's nonce and antiforgery token.
/// A page that set a cookie of its own, or answered anything but 200, is not kept.
/// </summary>
public sealed class RenderCaptureFilter(RenderCache cache, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Features.Get<RenderIntent>() is not { } intent || context.Result is not ViewResult)
        {
            await next();
            return;
        }

        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            http.Response.Body = body;
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (http.Response.StatusCode == StatusCodes.Status200OK && OnlyAntiforgeryCookie(http.Response) && Cut(http, bytes) is { } page)
        {
            cache.Set(intent.Key, page with { ValidUntil = intent.ValidUntil });
        }

        await body.WriteAsync(bytes, http.RequestAborted);
    }

    private RenderedPage? Cut(HttpContext http, ReadOnlyMemory<byte> bytes)
    {
        var needles = new List<(byte[] Text, RenderHole Hole)>();
        if (http.CspNonceIfMade() is { } nonce)
        {
            needles.Add((Encoding.ASCII.GetBytes(nonce), RenderHole.CspNonce));
        }

        var field = Encoding.ASCII.GetBytes(antiforgeryOptions.Value.FormFieldName);
        var forms = Count(bytes.Span, field);
        if (forms > 0)
        {
            // The tokens this response's forms carry: asked again, the request's token set answers the same.
            needles.Add((Encoding.ASCII.GetBytes(antiforgery.GetAndStoreTokens(http).RequestToken!), RenderHole.AntiforgeryToken));
        }

        var found = needles
            .SelectMany(n => Positions(bytes.Span, n.Text).Select(at => (At: at, n.Text.Length, n.Hole)))
            .OrderBy(h => h.At)
            .ToList();
        if (found.Count(h => h.Hole == RenderHole.AntiforgeryToken) < forms)
        {
            return null; // a form whose token was not found could not be given the next visitor's
        }

        var parts = new List<ReadOnlyMemory<byte>>(found.Count + 1);
        var from = 0;
        foreach (var (at, length, _) in found)
        {
            parts.Add(bytes[from..at].ToArray());
            from = at + length;
        }

        parts.Add(bytes[from..].ToArray());
        return new RenderedPage(parts, [.. found.Select(h => h.Hole)], http.Response.ContentType ?? "text/html; charset=utf-8", default);
    }

    private bool OnlyAntiforgeryCookie(HttpResponse response)
    {
        var name = antiforgeryOptions.Value.Cookie.Name + "=";
        return response.Headers.SetCookie.All(c => c is not null && c.StartsWith(name, StringComparison.Ordinal));
    }

    private static int Count(ReadOnlySpan<byte> text, ReadOnlySpan<byte> needle) => Positions(text, needle).Count;

    private static List<int> Positions(ReadOnlySpan<byte> text, ReadOnlySpan<byte> needle)
    {
        var found = new List<int>();
        for (var offset = 0; offset < text.Length;)
        {
            var at = text[offset..].IndexOf(needle);
            if (at < 0)
            {
                break;
            }

            found.Add(offset + at);
            offset += at + needle.Length;
        }

        return found;
    }
}

using NodaTime;

namespace ManageBooking.Rendering;

/// <summary>
/// A page as it was rendered, cut where it carried what must differ on every response: the Content-Security-Policy
/// nonce and the antiforgery request token. Each hole is filled afresh when the page is served again.
/// </summary>
/// <param name="Parts">The page's bytes between the holes: one more part than holes.</param>
/// <param name="Holes">What goes between part i and part i + 1.</param>
/// <param name="ValidUntil">The first instant at which time alone could change the page.</param>
public sealed record RenderedPage(IReadOnlyList<ReadOnlyMemory<byte>> Parts, IReadOnlyList<RenderHole> Holes, string ContentType, Instant ValidUntil)
{
    public long Size => Parts.Sum(p => (long)p.Length) + 256;
}

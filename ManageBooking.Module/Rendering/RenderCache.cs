using ManageBooking.Operations;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ManageBooking.Rendering;

/// <summary>
/// Customer pages and answers already rendered on this node, so the next reader of the same thing skips the rendering.
/// Nothing here decides freshness by itself: a key names the versions of every row the page shows, read from the
/// database on each request (so a change made on another node is seen at once), and an entry lasts only until the
/// first instant its own deadlines could change it, and never past <see cref="RenderCacheOptions.MaxSeconds"/>.
/// Bounded by <see cref="RenderCacheOptions.SizeMegabytes"/>; the least used pages go first when it is full.
/// </summary>
public sealed class RenderCache : IDisposable
{
    private readonly MemoryCache? _entries;
    private readonly Duration _longest;
    private readonly TimeProvider _clock;
    private readonly ManageBookingMetrics _metrics;

    public RenderCache(IOptions<RenderCacheOptions> options, TimeProvider clock, ManageBookingMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _entries = settings.SizeMegabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = settings.SizeMegabytes * 1024L * 1024L }) : null;
        _longest = Duration.FromSeconds(settings.MaxSeconds);
        _clock = clock;
        _metrics = metrics;
    }

    public bool Enabled => _entries is not null;

    public bool TryGet(string key, out RenderedPage page)
    {
        ArgumentNullException.ThrowIfNull(key);
        page = null!;
        if (_entries is null)
        {
            return false;
        }

        var hit = _entries.TryGetValue(key, out RenderedPage? found) && found is not null && Now < found.ValidUntil;
        _metrics.RenderLookedUp(hit);
        page = found!;
        return hit;
    }

    /// <summary>Keeps <paramref name="page"/> until its deadline or the configured bound, whichever comes first.</summary>
    public void Set(string key, RenderedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var now = Now;
        var until = Instant.Min(page.ValidUntil, now + _longest);
        if (_entries is null || until <= now)
        {
            return;
        }

        _entries.Set(key, page with { ValidUntil = until }, new MemoryCacheEntryOptions { Size = page.Size, AbsoluteExpirationRelativeToNow = (until - now).ToTimeSpan() });
    }

    /// <summary>
    /// What <paramref name="name"/>'s versions were (a name that does not start with '/', unlike the pages' keys, which
    /// start with their path) when the database's change mark read <paramref name="mark"/>
    /// (<see cref="Data.IStoreChangeMark"/>), if that is what was remembered last.
    /// </summary>
    public bool TryRecall<T>(string name, string mark, out T stamp)
        where T : class
    {
        if (_entries is not null && _entries.TryGetValue(name, out Recalled? recalled) && string.Equals(recalled!.Mark, mark, StringComparison.Ordinal) && recalled.Stamp is T found)
        {
            stamp = found;
            _metrics.RenderVersionsFound(recalled: true);
            return true;
        }

        stamp = null!;
        return false;
    }

    /// <summary>Counts a read of a key's versions from the tables.</summary>
    public void VersionsRead() => _metrics.RenderVersionsFound(recalled: false);

    /// <summary>Remembers <paramref name="stamp"/>, read after the change mark read <paramref name="mark"/>.</summary>
    public void Remember(string name, string mark, object stamp)
        => _entries?.Set(name, new Recalled(mark, stamp), new MemoryCacheEntryOptions { Size = 128, AbsoluteExpirationRelativeToNow = _longest.ToTimeSpan() });

    /// <summary>The deadline a page gets when the caller names none closer.</summary>
    public Instant Latest => Now + _longest;

    public void Dispose() => _entries?.Dispose();

    private Instant Now => Instant.FromDateTimeOffset(_clock.GetUtcNow());

    private sealed record Recalled(string Mark, object Stamp);
}

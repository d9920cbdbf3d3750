namespace ManageBooking.Rendering;

/// <summary>ManageBooking:RenderCache: the memory kept for customer pages already rendered (see <see cref="RenderCache"/>).</summary>
public sealed class RenderCacheOptions
{
    public const string SectionName = "ManageBooking:RenderCache";

    /// <summary>The most memory the rendered pages may take on each node; 0 turns the cache off.</summary>
    public int SizeMegabytes { get; set; } = 64;

    /// <summary>
    /// The longest a rendered page is reused even when nothing it shows has changed: a bound on anything time moves
    /// that the pages' own deadlines do not already name.
    /// </summary>
    public int MaxSeconds { get; set; } = 60;
}

using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Theming;

/// <summary>
/// Reads the theme settings for every page view from a short cache: a save clears it on this node at once, and other
/// nodes see it within a few seconds.
/// </summary>
public sealed class ThemeSettingsStore(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string CacheKey = "ManageBooking.ThemeSettings";

    public async Task<ThemeSettings> GetAsync(CancellationToken cancellationToken)
        => (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
            return await db.ThemeSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new ThemeSettings();
        }))!;

    public void Forget() => cache.Remove(CacheKey);

    /// <summary>CSS that cannot close the style element it is written into.</summary>
    public static string SafeCss(string? css) => (css ?? "").Replace("<", "\\3C ", StringComparison.Ordinal);
}

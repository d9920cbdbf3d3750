using ManageBooking.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Theming;

/// <summary>
/// The theme settings every page view and email uses. Each request asks the store for the settings' version only (one
/// key look-up) and reloads the row when it changed, so a save on any node applies on the next request of every node;
/// within one request the answer is kept, as the layout asks more than once.
/// </summary>
public sealed class ThemeSettingsStore(IServiceScopeFactory scopes, IHttpContextAccessor requests)
{
    private static readonly object RequestKey = new();
    private volatile Snapshot? _last;

    public Task<ThemeSettings> GetAsync(CancellationToken cancellationToken) => GetAsync(known: false, default, cancellationToken);

    /// <summary>
    /// The settings at <paramref name="version"/>, which the caller read in a query of its own (null: no row): a page that
    /// asks the database for its other versions anyway saves the round trip.
    /// </summary>
    public Task<ThemeSettings> GetAtAsync(Guid? version, CancellationToken cancellationToken) => GetAsync(known: true, version, cancellationToken);

    private async Task<ThemeSettings> GetAsync(bool known, Guid? version, CancellationToken cancellationToken)
    {
        var items = requests.HttpContext?.Items;
        if (items?[RequestKey] is ThemeSettings seen)
        {
            return seen;
        }

        // A request asks through its own context (already rented from the pool for the page's other reads); an email
        // rendered outside any request gets a scope of its own.
        await using var scope = items is null ? scopes.CreateAsyncScope() : (AsyncServiceScope?)null;
        var db = (scope?.ServiceProvider ?? requests.HttpContext!.RequestServices).GetRequiredService<ManageBookingDbContext>();
        if (!known)
        {
            version = await VersionQuery.For(db)(db, cancellationToken);
        }

        var last = _last;
        if (last is null || last.Version != version)
        {
            var settings = await db.ThemeSettings.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
            last = new Snapshot(settings?.Version, settings ?? new ThemeSettings());
            _last = last;
        }

        if (items is not null)
        {
            items[RequestKey] = last.Settings;
        }

        return last.Settings;
    }

    // Compiled once: every page asks it.
    private static readonly PerModelQuery<Func<ManageBookingDbContext, CancellationToken, Task<Guid?>>> VersionQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, CancellationToken _) => context.ThemeSettings.OrderBy(t => t.Id).Select(t => (Guid?)t.Version).FirstOrDefault()));

    /// <summary>CSS that cannot close the style element it is written into.</summary>
    public static string SafeCss(string? css) => (css ?? "").Replace("<", "\\3C ", StringComparison.Ordinal);

    /// <summary>The settings as last read, with the version they were read at (null while no row exists).</summary>
    private sealed record Snapshot(Guid? Version, ThemeSettings Settings);
}

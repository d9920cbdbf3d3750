using ManageBooking.BookingPages.Services;
using ManageBooking.Data;
using ManageBooking.Theming;
using ManageBooking.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Rendering;

/// <summary>
/// Reads, in one small query, the versions a kept page depends on (its rows and the theme's), and makes its key; null
/// when there is nothing to look up (an unknown page, a link that does not open, a signed-in visitor): the caller then
/// renders as usual. The key is read before the page's data, so what is rendered under it is never older than it.
/// </summary>
public sealed class RenderStamps(ManageBookingDbContext db, ManageLinks links, ThemeSettingsStore themes, RenderCache cache, IStoreChangeMark? changes = null)
{
    private sealed record BookingStamp(Guid Version, int LinkVersion, Guid PageVersion, Guid? ThemeVersion);

    private sealed record PageStamp(Guid Version, long CalendarWrites, Guid? ThemeVersion);

    // Compiled once: every manage page and answer asks it before anything else.
    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<BookingStamp?>>> BookingQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Bookings
            .Where(b => b.Id == id)
            .Select(b => new BookingStamp(b.Version, b.ManageLinkVersion, b.Page!.Version, context.ThemeSettings.OrderBy(t => t.Id).Select(t => (Guid?)t.Version).FirstOrDefault()))
            .FirstOrDefault()));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, string, CancellationToken, Task<PageStamp?>>> PageQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, string slug, CancellationToken _) => context.BookingPages
            .Where(p => p.Slug == slug && p.IsPublished)
            .Join(context.Calendars, p => p.CalendarId, c => c.Id, (p, c) => new PageStamp(p.Version, c.WriteCount, context.ThemeSettings.OrderBy(t => t.Id).Select(t => (Guid?)t.Version).FirstOrDefault()))
            .FirstOrDefault()));

    /// <summary>The key of what the manage link <paramref name="token"/> shows now.</summary>
    public async Task<string?> BookingKeyAsync(HttpContext context, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Applies(context) || !ManageToken.TryReadBookingId(token, out var id))
        {
            return null;
        }

        var stamp = await ReadAsync("b" + id.ToString("N"), id, BookingQuery, cancellationToken);
        if (stamp is null || !links.Opens(token, id, stamp.LinkVersion))
        {
            return null;
        }

        await themes.GetAtAsync(stamp.ThemeVersion, cancellationToken);
        return RenderKeys.Booking(context, stamp.ThemeVersion, stamp.Version, stamp.PageVersion);
    }

    /// <summary>The key of the booking page <paramref name="slug"/> as its calendar stands now.</summary>
    public async Task<string?> PageKeyAsync(HttpContext context, string slug, string? zoneCookie, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Applies(context))
        {
            return null;
        }

        var stamp = await ReadAsync("p" + slug, slug, PageQuery, cancellationToken);
        if (stamp is null)
        {
            return null;
        }

        await themes.GetAtAsync(stamp.ThemeVersion, cancellationToken);
        return RenderKeys.Page(context, stamp.ThemeVersion, stamp.Version, stamp.CalendarWrites, zoneCookie);
    }

    /// <summary>
    /// The versions, from the tables, or as they were last read if the database's change mark says no commit has become
    /// visible since (<see cref="IStoreChangeMark"/>): the mark is read before the tables, so a commit in between
    /// changes it and the next request reads again.
    /// </summary>
    private async Task<TStamp?> ReadAsync<TKey, TStamp>(string name, TKey key, PerModelQuery<Func<ManageBookingDbContext, TKey, CancellationToken, Task<TStamp?>>> query, CancellationToken cancellationToken)
        where TStamp : class
    {
        var mark = changes is null ? null : await changes.ReadAsync(cancellationToken);
        if (mark is { } before && cache.TryRecall(name, before, out TStamp recalled))
        {
            return recalled;
        }

        var stamp = await query.For(db)(db, key, cancellationToken);
        cache.VersionsRead();
        if (mark is { } read && stamp is not null)
        {
            cache.Remember(name, read, stamp);
        }

        return stamp;
    }

    // Staff see the same pages, but a signed-in request is rare here and may one day show more: it always renders.
    private bool Applies(HttpContext context) => cache.Enabled && context.User.Identity?.IsAuthenticated != true;
}

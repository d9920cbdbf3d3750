using ManageBooking.Data;
using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.BookingPages.Services;

/// <summary>Reads published booking pages for the public side.</summary>
public sealed class BookingPageQueries(ManageBookingDbContext db)
{
    // Compiled once: the booking page, its slots API and every new booking look their page up by slug.
    private static readonly PerModelQuery<Func<ManageBookingDbContext, string, CancellationToken, Task<BookingPage?>>> PublishedQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, string slug, CancellationToken _) => context.BookingPages.AsNoTracking().FirstOrDefault(p => p.Slug == slug && p.IsPublished)));

    public Task<BookingPage?> FindPublishedAsync(string slug, CancellationToken cancellationToken)
        => FindPublishedAsync(db, slug, cancellationToken);

    /// <summary>The same look-up in a context the caller holds (a booking reads its page in its own).</summary>
    internal static Task<BookingPage?> FindPublishedAsync(ManageBookingDbContext context, string slug, CancellationToken cancellationToken)
        => PublishedQuery.For(context)(context, slug, cancellationToken);

    public async Task<IReadOnlyList<BookingPage>> ListPublishedAsync(CancellationToken cancellationToken)
        => await db.BookingPages.AsNoTracking().Where(p => p.IsPublished).OrderBy(p => p.Title).ToListAsync(cancellationToken);
}

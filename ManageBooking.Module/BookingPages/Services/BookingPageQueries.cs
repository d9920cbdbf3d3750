using ManageBooking.Data;
using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.BookingPages.Services;

/// <summary>Reads published booking pages for the public side.</summary>
public sealed class BookingPageQueries(ManageBookingDbContext db)
{
    public Task<BookingPage?> FindPublishedAsync(string slug, CancellationToken cancellationToken)
        => db.BookingPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsPublished, cancellationToken);

    public async Task<IReadOnlyList<BookingPage>> ListPublishedAsync(CancellationToken cancellationToken)
        => await db.BookingPages.AsNoTracking().Where(p => p.IsPublished).OrderBy(p => p.Title).ToListAsync(cancellationToken);
}

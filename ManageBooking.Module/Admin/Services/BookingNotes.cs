using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Services;

/// <summary>Staff's internal notes on a booking: written and read in the admin only.</summary>
public sealed class BookingNotes(ManageBookingDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<BookingNote>> ListAsync(Guid bookingId, CancellationToken cancellationToken)
        => await db.BookingNotes.AsNoTracking().Where(n => n.BookingId == bookingId).OrderBy(n => n.AtUtc).ToListAsync(cancellationToken);

    /// <summary>Adds a note by the signed-in staff member; an empty or too long note changes nothing.</summary>
    public async Task<Outcome<BookingNote>> AddAsync(Guid bookingId, string? text, ActorInfo author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        var checkedText = NoteText.Check(text);
        if (!checkedText.Succeeded)
        {
            return checkedText.Failure;
        }

        if (!await db.Bookings.AnyAsync(b => b.Id == bookingId, cancellationToken))
        {
            return BookingFailure.NotFound("There is no such booking.");
        }

        var note = new BookingNote { BookingId = bookingId, AtUtc = clock.GetUtcNow().UtcDateTime, Author = author.Name ?? "", Text = checkedText.Value };
        db.BookingNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<BookingNote>.Success(note);
    }
}

using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class BookingNoteConfiguration : IEntityTypeConfiguration<BookingNote>
{
    public void Configure(EntityTypeBuilder<BookingNote> builder)
    {
        builder.ToTable("BookingNotes");

        // No navigation from the booking: a note is read only by the admin's own query, by booking.
        builder.HasOne<Booking>().WithMany().HasForeignKey(n => n.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.BookingId, n.AtUtc });
        builder.Property(n => n.Author).HasMaxLength(256);
        builder.Property(n => n.Text).HasMaxLength(BookingNote.TextMaxLength);
    }
}

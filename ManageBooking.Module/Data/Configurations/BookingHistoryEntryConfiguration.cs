using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class BookingHistoryEntryConfiguration : IEntityTypeConfiguration<BookingHistoryEntry>
{
    public void Configure(EntityTypeBuilder<BookingHistoryEntry> builder)
    {
        builder.ToTable("BookingHistory");
        builder.HasIndex(h => new { h.BookingId, h.AtUtc });
        builder.Property(h => h.ActorName).HasMaxLength(Booking.NameMaxLength);
        builder.Property(h => h.Reason).HasMaxLength(Booking.ReasonMaxLength);
        builder.Property(h => h.Detail).HasMaxLength(BookingHistoryEntry.DetailMaxLength);
        builder.Property(h => h.Moves)
            .HasConversion(JsonColumnConverter.For<SessionMove>(), JsonColumnConverter.Comparer<SessionMove>());
    }
}

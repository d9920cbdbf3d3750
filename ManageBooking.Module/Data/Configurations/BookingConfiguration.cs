using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("Bookings");
        builder.HasIndex(b => b.Reference).IsUnique();
        builder.HasIndex(b => b.LegacyTokenHash).IsUnique();
        builder.HasIndex(b => b.CustomerEmail);

        // Keyset paging of the admin list walks (FirstStartUtc, Reference), optionally within one status; the reference
        // is unique and compares alike on SQLite and PostgreSQL, unlike Guids.
        builder.HasIndex(b => new { b.FirstStartUtc, b.Reference });
        builder.HasIndex(b => new { b.Status, b.FirstStartUtc, b.Reference });
        builder.Property(b => b.Reference).HasMaxLength(16);
        builder.Property(b => b.LegacyTokenHash).HasMaxLength(64);
        builder.Property(b => b.CustomerName).HasMaxLength(Booking.NameMaxLength);
        builder.Property(b => b.CustomerEmail).HasMaxLength(Booking.EmailMaxLength);
        builder.Property(b => b.CustomerTimeZoneId).HasMaxLength(64);
        builder.Property(b => b.Culture).HasMaxLength(16);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Property(b => b.Answers)
            .HasConversion(JsonColumnConverter.For<BookingAnswer>(), JsonColumnConverter.Comparer<BookingAnswer>());
        builder.Property(b => b.Location).HasConversion(JsonColumnConverter.ForValue<BookingLocation>());
        builder.HasOne(b => b.Page).WithMany().HasForeignKey(b => b.BookingPageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Sessions).WithOne().HasForeignKey(s => s.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.History).WithOne().HasForeignKey(h => h.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

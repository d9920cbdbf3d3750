using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class BookingSessionConfiguration : IEntityTypeConfiguration<BookingSession>
{
    public void Configure(EntityTypeBuilder<BookingSession> builder)
    {
        builder.ToTable("BookingSessions");

        // The overlap check reads the scheduled sessions of one calendar in a time window.
        builder.HasIndex(s => new { s.CalendarId, s.Status, s.BlockedStartUtc });
        builder.HasOne<Calendar>().WithMany().HasForeignKey(s => s.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}

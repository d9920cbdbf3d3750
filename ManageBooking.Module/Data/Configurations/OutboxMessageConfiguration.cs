using ManageBooking.Models.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");

        // The dispatcher reads pending messages in due order.
        builder.HasIndex(m => new { m.Status, m.DueUtc });
        builder.HasIndex(m => m.BookingId);
        builder.Property(m => m.Summary).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(200);
    }
}

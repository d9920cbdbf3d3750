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

        // One pending reminder per rule task, session lineage and recipient: a resend or a second change never adds one.
        builder.HasIndex(m => new { m.RuleId, m.TaskId, m.SessionLineageId, m.Recipient })
            .IsUnique()
            .HasFilter(Migrations.OutboxRendersWhenSending.PendingReminderFilter)
            .HasDatabaseName("IX_OutboxMessages_PendingReminder");
        builder.Property(m => m.Recipient).HasMaxLength(2000);
        builder.Property(m => m.Event).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Summary).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(200);
    }
}

using ManageBooking.Models.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> builder)
    {
        builder.ToTable("OutboxAttempts");
        builder.HasIndex(a => new { a.MessageId, a.AtUtc });
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Error).HasMaxLength(2000);
    }
}

using ManageBooking.Api.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.KeyHash);
        builder.Property(r => r.KeyHash).HasMaxLength(64);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.ExpiresUtc);
    }
}

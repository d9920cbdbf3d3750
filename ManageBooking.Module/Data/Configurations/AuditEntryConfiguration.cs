using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");

        // The audit list reads newest first, a page at a time.
        builder.HasIndex(a => a.AtUtc);
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Subject).HasMaxLength(AuditEntry.TextMaxLength);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.TextMaxLength);
    }
}

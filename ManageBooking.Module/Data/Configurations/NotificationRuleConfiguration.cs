using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class NotificationRuleConfiguration : IEntityTypeConfiguration<NotificationRule>
{
    public void Configure(EntityTypeBuilder<NotificationRule> builder)
    {
        builder.ToTable("NotificationRules");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.SeedKey).HasMaxLength(50);
        builder.HasIndex(r => r.SeedKey).IsUnique();
        builder.HasIndex(r => new { r.Event, r.Enabled });

        // A deleted rule is a tombstone for seeding alone: nothing else ever reads it (the seeder asks for it by name).
        builder.HasQueryFilter(r => r.DeletedUtc == null);
        builder.HasOne<BookingPage>().WithMany().HasForeignKey(r => r.BookingPageId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Tasks)
            .HasConversion(JsonColumnConverter.For<NotificationTask>(), JsonColumnConverter.Comparer<NotificationTask>());
    }
}

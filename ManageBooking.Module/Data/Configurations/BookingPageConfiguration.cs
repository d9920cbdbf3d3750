using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class BookingPageConfiguration : IEntityTypeConfiguration<BookingPage>
{
    public void Configure(EntityTypeBuilder<BookingPage> builder)
    {
        builder.ToTable("BookingPages");
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(BookingPage.SlugMaxLength);
        builder.Property(p => p.Title).HasMaxLength(BookingPage.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.OwnerName).HasMaxLength(Booking.NameMaxLength);
        builder.Property(p => p.OwnerEmail).HasMaxLength(Booking.EmailMaxLength);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Calendar>().WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.StakeholderEmails)
            .HasConversion(JsonColumnConverter.For<string>(), JsonColumnConverter.Comparer<string>());
        builder.Property(p => p.WeeklyHours)
            .HasConversion(JsonColumnConverter.For<WeeklyHours>(), JsonColumnConverter.Comparer<WeeklyHours>());
        builder.ComplexProperty(p => p.Manage, manage => manage.Property(m => m.PolicyText).HasMaxLength(ManageSettingsLimits.PolicyTextMaxLength));
        builder.Property(p => p.DateOverrides)
            .HasConversion(JsonColumnConverter.For<DateOverride>(), JsonColumnConverter.Comparer<DateOverride>());
    }
}

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
        builder.ComplexProperty(p => p.Manage, manage =>
        {
            manage.Property(m => m.PolicyText).HasMaxLength(ManageSettingsLimits.PolicyTextMaxLength);
            manage.Property(m => m.ContactText).HasMaxLength(ManageSettingsLimits.ContactTextMaxLength);
        });

        // The page's fields (questions) and location are read and written whole with the page, as an Orchard content
        // type's definition is: JSON text, the same on both providers.
        builder.Property(p => p.Questions)
            .HasConversion(JsonColumnConverter.For<QuestionField>(), JsonColumnConverter.Comparer<QuestionField>());
        builder.Property(p => p.Location).HasConversion(JsonColumnConverter.ForValue<BookingLocation>());
        builder.Property(p => p.DateOverrides)
            .HasConversion(JsonColumnConverter.For<DateOverride>(), JsonColumnConverter.Comparer<DateOverride>());
    }
}

using ManageBooking.Theming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class ThemeSettingsConfiguration : IEntityTypeConfiguration<ThemeSettings>
{
    public void Configure(EntityTypeBuilder<ThemeSettings> builder)
    {
        builder.ToTable("ThemeSettings");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.SiteName).HasMaxLength(100);
        builder.Property(t => t.BrandColor).HasMaxLength(7);
        builder.Property(t => t.AccentColor).HasMaxLength(7);
        builder.Property(t => t.LogoUrl).HasMaxLength(500);
        builder.Property(t => t.CustomCss).HasMaxLength(20_000);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

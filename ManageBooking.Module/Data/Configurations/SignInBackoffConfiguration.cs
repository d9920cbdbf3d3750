using ManageBooking.Admin.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

internal sealed class SignInBackoffConfiguration : IEntityTypeConfiguration<SignInBackoff>
{
    public void Configure(EntityTypeBuilder<SignInBackoff> builder)
    {
        builder.ToTable("SignInBackoffs");
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(100);
        builder.HasIndex(b => b.UpdatedUtc);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ManageBooking.Data.Configurations;

/// <summary>A role holds a permission once: the natural key of the seeded role claims.</summary>
internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> builder)
        => builder.HasIndex(c => new { c.RoleId, c.ClaimType, c.ClaimValue }).IsUnique();
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>A notification rule's version, changed by every save: two editors of one rule cannot overwrite each other unseen.</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261202000110_AddRuleVersion")]
public sealed class AddRuleVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<Guid>("Version", "NotificationRules", nullable: false, defaultValue: Guid.Empty);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("Version", "NotificationRules");
    }
}

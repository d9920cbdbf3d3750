using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>When staff deleted a notification rule: its row stays as a tombstone so seeding never brings it back.</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261202000100_AddRuleDeletion")]
public sealed class AddRuleDeletion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<DateTime>("DeletedUtc", "NotificationRules", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("DeletedUtc", "NotificationRules");
    }
}

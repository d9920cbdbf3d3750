using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// Adds the Reschedule &amp; Cancel settings. Pages that exist when this runs get the toggle off, so no site starts
/// offering self-service its owner never chose; pages created afterwards start with it on (the model's default).
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261121000100_AddManageSettings")]
public sealed class AddManageSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<bool>("Manage_Enabled", "BookingPages", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<TimeSpan>("Manage_CancelCutoff", "BookingPages", nullable: false, defaultValue: TimeSpan.Zero);
        migrationBuilder.AddColumn<TimeSpan>("Manage_RescheduleCutoff", "BookingPages", nullable: false, defaultValue: TimeSpan.Zero);
        migrationBuilder.AddColumn<string>("Manage_CancelReason", "BookingPages", maxLength: 20, nullable: false, defaultValue: "Optional");
        migrationBuilder.AddColumn<string>("Manage_RescheduleReason", "BookingPages", maxLength: 20, nullable: false, defaultValue: "Optional");
        migrationBuilder.AddColumn<int>("Manage_MaxReschedules", "BookingPages", nullable: true);
        migrationBuilder.AddColumn<string>("Manage_PolicyText", "BookingPages", maxLength: 2000, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var column in new[] { "Manage_Enabled", "Manage_CancelCutoff", "Manage_RescheduleCutoff", "Manage_CancelReason", "Manage_RescheduleReason", "Manage_MaxReschedules", "Manage_PolicyText" })
        {
            migrationBuilder.DropColumn(column, "BookingPages");
        }
    }
}

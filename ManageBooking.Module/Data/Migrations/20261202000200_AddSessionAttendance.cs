using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>Whether the customer came to a session, as staff marked it (null: not marked).</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261202000200_AddSessionAttendance")]
public sealed class AddSessionAttendance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>("Attendance", "BookingSessions", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("Attendance", "BookingSessions");
    }
}

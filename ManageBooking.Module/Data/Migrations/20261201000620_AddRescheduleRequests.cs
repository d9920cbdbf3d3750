using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>When staff asked the customer to pick a new time (null: nobody asked, or the customer has answered).</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000620_AddRescheduleRequests")]
public sealed class AddRescheduleRequests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<DateTime>("RescheduleRequestedUtc", "Bookings", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("RescheduleRequestedUtc", "Bookings");
    }
}

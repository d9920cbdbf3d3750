using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>The language each booking was made in, so its customer's emails can be in it; existing bookings keep the site's.</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261121000600_AddBookingCulture")]
public sealed class AddBookingCulture : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "Culture", table: "Bookings", maxLength: 16, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "Culture", table: "Bookings");
    }
}

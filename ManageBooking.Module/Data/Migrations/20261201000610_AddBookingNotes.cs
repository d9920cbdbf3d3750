using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>Staff's internal notes on a booking, in a table of their own that customer-facing code never reads.</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000610_AddBookingNotes")]
public sealed class AddBookingNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "BookingNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BookingId = table.Column<Guid>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Author = table.Column<string>(maxLength: 256, nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BookingNotes", x => x.Id);
                table.ForeignKey("FK_BookingNotes_Bookings_BookingId", x => x.BookingId, "Bookings", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_BookingNotes_BookingId_AtUtc", "BookingNotes", ["BookingId", "AtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("BookingNotes");
    }
}

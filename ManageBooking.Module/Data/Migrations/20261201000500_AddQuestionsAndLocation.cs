using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// Booking pages as content types: each page gets its questions (its fields) and a location, and the owner's contact
/// text; each booking its answers and its own location; history entries a detail and the moves of a several-session
/// reschedule. Existing pages ask nothing and say no location, so they behave as before.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000500_AddQuestionsAndLocation")]
public sealed class AddQuestionsAndLocation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("Questions", "BookingPages", nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<string>("Location", "BookingPages", nullable: true);
        migrationBuilder.AddColumn<string>("Manage_ContactText", "BookingPages", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>("Answers", "Bookings", nullable: false, defaultValue: "[]");
        migrationBuilder.AddColumn<string>("Location", "Bookings", nullable: true);
        migrationBuilder.AddColumn<string>("Detail", "BookingHistory", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>("Moves", "BookingHistory", nullable: false, defaultValue: "[]");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("Moves", "BookingHistory");
        migrationBuilder.DropColumn("Detail", "BookingHistory");
        migrationBuilder.DropColumn("Location", "Bookings");
        migrationBuilder.DropColumn("Answers", "Bookings");
        migrationBuilder.DropColumn("Manage_ContactText", "BookingPages");
        migrationBuilder.DropColumn("Location", "BookingPages");
        migrationBuilder.DropColumn("Questions", "BookingPages");
    }
}

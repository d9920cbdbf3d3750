using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// Manage links become signed (booking id, link version, a key outside the database) instead of stored: each booking
/// gets a link version, and the hash of the random token it had until now moves to a nullable column that still opens
/// the booking until its link is regenerated. Bookings made from now on have no hash at all.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000100_SignedManageLinks")]
public sealed class SignedManageLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>(name: "ManageLinkVersion", table: "Bookings", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "LegacyTokenHash", table: "Bookings", maxLength: 64, nullable: true);
        migrationBuilder.Sql("""UPDATE "Bookings" SET "LegacyTokenHash" = "ManageTokenHash";""");
        migrationBuilder.DropIndex(name: "IX_Bookings_ManageTokenHash", table: "Bookings");

        // Plain SQL on both providers: EF would rebuild the SQLite table for a dropped column, losing the search triggers.
        migrationBuilder.Sql("""ALTER TABLE "Bookings" DROP COLUMN "ManageTokenHash";""");
        migrationBuilder.CreateIndex(name: "IX_Bookings_LegacyTokenHash", table: "Bookings", column: "LegacyTokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "IX_Bookings_LegacyTokenHash", table: "Bookings");
        migrationBuilder.AddColumn<string>(name: "ManageTokenHash", table: "Bookings", maxLength: 64, nullable: false, defaultValue: "");

        // A signed link has no hash to go back to: such bookings get a value no token hashes to, so their links stop.
        migrationBuilder.Sql("""UPDATE "Bookings" SET "ManageTokenHash" = COALESCE("LegacyTokenHash", 'signed-' || "Id");""");
        migrationBuilder.Sql("""ALTER TABLE "Bookings" DROP COLUMN "LegacyTokenHash";""");
        migrationBuilder.Sql("""ALTER TABLE "Bookings" DROP COLUMN "ManageLinkVersion";""");
        migrationBuilder.CreateIndex(name: "IX_Bookings_ManageTokenHash", table: "Bookings", column: "ManageTokenHash", unique: true);
    }
}

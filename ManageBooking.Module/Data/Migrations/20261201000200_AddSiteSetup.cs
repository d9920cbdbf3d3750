using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// One row, key 1, claimed by the first-run setup in the transaction that creates the first administrator: a second
/// setup racing it fails on the primary key, so concurrent setups make exactly one administrator on both providers.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000200_AddSiteSetup")]
public sealed class AddSiteSetup : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "SiteSetup",
            columns: table => new { Id = table.Column<int>(nullable: false) },
            constraints: table => table.PrimaryKey("PK_SiteSetup", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "SiteSetup");
    }
}

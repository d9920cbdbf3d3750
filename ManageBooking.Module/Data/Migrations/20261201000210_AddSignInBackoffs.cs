using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>Failed sign-ins per account and per client address, with the back-off they earned (replaces Identity's lockout).</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000210_AddSignInBackoffs")]
public sealed class AddSignInBackoffs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "SignInBackoffs",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Failures = table.Column<int>(nullable: false),
                BlockedUntilUtc = table.Column<DateTime>(nullable: true),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SignInBackoffs", x => x.Key));
        migrationBuilder.CreateIndex(name: "IX_SignInBackoffs_UpdatedUtc", table: "SignInBackoffs", column: "UpdatedUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable(name: "SignInBackoffs");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>The first answers to API requests made with an Idempotency-Key, kept a day so a retry on any node gets them.</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000310_AddIdempotencyRecords")]
public sealed class AddIdempotencyRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "IdempotencyRecords",
            columns: table => new
            {
                KeyHash = table.Column<string>(maxLength: 64, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ExpiresUtc = table.Column<DateTime>(nullable: false),
                Response = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_IdempotencyRecords", x => x.KeyHash));
        migrationBuilder.CreateIndex("IX_IdempotencyRecords_ExpiresUtc", "IdempotencyRecords", "ExpiresUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("IdempotencyRecords");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>The theme settings site editors change in the admin.</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261121000400_AddThemeSettings")]
public sealed class AddThemeSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "ThemeSettings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                SiteName = table.Column<string>(maxLength: 100, nullable: true),
                BrandColor = table.Column<string>(maxLength: 7, nullable: true),
                AccentColor = table.Column<string>(maxLength: 7, nullable: true),
                LogoUrl = table.Column<string>(maxLength: 500, nullable: true),
                CustomCss = table.Column<string>(maxLength: 20000, nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ThemeSettings", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ThemeSettings");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>Workflow rules, the outbox with its attempts, and the shared Data Protection keys.</summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261121000200_AddNotifications")]
public sealed class AddNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "NotificationRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Event = table.Column<string>(maxLength: 20, nullable: false),
                BookingPageId = table.Column<Guid>(nullable: true),
                Enabled = table.Column<bool>(nullable: false),
                ReminderHours = table.Column<int>(nullable: false),
                Order = table.Column<int>(nullable: false),
                Tasks = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotificationRules", x => x.Id);
                table.ForeignKey("FK_NotificationRules_BookingPages_BookingPageId", x => x.BookingPageId, "BookingPages", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                BookingId = table.Column<Guid>(nullable: true),
                SessionLineageId = table.Column<Guid>(nullable: true),
                RuleId = table.Column<Guid>(nullable: true),
                Summary = table.Column<string>(maxLength: 300, nullable: false),
                Payload = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                DueUtc = table.Column<DateTime>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LastAttemptUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                SentUtc = table.Column<DateTime>(nullable: true),
                LeaseUntilUtc = table.Column<DateTime>(nullable: true),
                LeaseOwner = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));

        migrationBuilder.CreateTable(
            name: "OutboxAttempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Succeeded = table.Column<bool>(nullable: false),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutboxAttempts", x => x.Id);
                table.ForeignKey("FK_OutboxAttempts_OutboxMessages_MessageId", x => x.MessageId, "OutboxMessages", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateIndex("IX_NotificationRules_Event_Enabled", "NotificationRules", ["Event", "Enabled"]);
        migrationBuilder.CreateIndex("IX_NotificationRules_BookingPageId", "NotificationRules", "BookingPageId");
        migrationBuilder.CreateIndex("IX_OutboxMessages_Status_DueUtc", "OutboxMessages", ["Status", "DueUtc"]);
        migrationBuilder.CreateIndex("IX_OutboxMessages_BookingId", "OutboxMessages", "BookingId");
        migrationBuilder.CreateIndex("IX_OutboxAttempts_MessageId_AtUtc", "OutboxAttempts", ["MessageId", "AtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("OutboxAttempts");
        migrationBuilder.DropTable("OutboxMessages");
        migrationBuilder.DropTable("NotificationRules");
        migrationBuilder.DropTable("DataProtectionKeys");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// Outbox rows hold what happened and which rule task they serve, rendered when sent: the task, the event, the
/// recipient and the change's facts. Rows queued before keep their rendered payload and are sent as they are. A pending
/// reminder is unique per rule task, session lineage and recipient.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000110_OutboxRendersWhenSending")]
public sealed class OutboxRendersWhenSending : Migration
{
    public const string PendingReminderFilter = "\"Status\" = 'Pending' AND \"SessionLineageId\" IS NOT NULL AND \"TaskId\" IS NOT NULL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<Guid>(name: "TaskId", table: "OutboxMessages", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Event", table: "OutboxMessages", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Recipient", table: "OutboxMessages", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "ForCustomer", table: "OutboxMessages", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "Facts", table: "OutboxMessages", nullable: true);
        migrationBuilder.CreateIndex(
            name: "IX_OutboxMessages_PendingReminder",
            table: "OutboxMessages",
            columns: ["RuleId", "TaskId", "SessionLineageId", "Recipient"],
            unique: true,
            filter: PendingReminderFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex(name: "IX_OutboxMessages_PendingReminder", table: "OutboxMessages");

        // Rows rendered when sent cannot be sent by the older dispatcher, which only knows rendered payloads.
        migrationBuilder.Sql("""UPDATE "OutboxMessages" SET "Status" = 'Failed', "LastError" = 'Downgraded before it was sent.' WHERE "Status" = 'Pending' AND "Payload" = '';""");
        migrationBuilder.DropColumn(name: "Facts", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "ForCustomer", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "Recipient", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "Event", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "TaskId", table: "OutboxMessages");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// Natural keys for the rows a site seeds at start-up, so that nodes starting together can never insert them twice: a
/// seed key per default notification rule, and one claim per permission and role. Sites that started several nodes at
/// once before start-up took a lock may hold the default rules two or three times (every recipient got every email that
/// often): identical copies are removed, keeping the first, and their queued messages are cancelled. A copy an owner has
/// edited differs from the others and stays.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261201000300_AddSeedKeys")]
public sealed class AddSeedKeys : Migration
{
    /// <summary>The default rules as they were seeded before they had keys: name and event, one rule per event.</summary>
    private static readonly (string Name, string Event)[] DefaultRules =
    [
        ("Booking request received", "Requested"),
        ("Booking confirmed", "Confirmed"),
        ("Booking request approved", "Approved"),
        ("Booking request declined", "Declined"),
        ("Booking rescheduled", "Rescheduled"),
        ("Booking cancelled", "Cancelled"),
        ("Reminder 24 hours before", "ReminderDue"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "SeedKey", table: "NotificationRules", maxLength: 50, nullable: true);

        var isDefault = string.Join(" OR ", DefaultRules.Select(r => $"""(r."Name" = '{r.Name}' AND r."Event" = '{r.Event}')"""));
        var duplicates = $"""
            SELECT r."Id" FROM "NotificationRules" r
            WHERE r."BookingPageId" IS NULL AND ({isDefault}) AND EXISTS (
                SELECT 1 FROM "NotificationRules" o
                WHERE o."BookingPageId" IS NULL AND o."Name" = r."Name" AND o."Event" = r."Event" AND o."Order" = r."Order"
                    AND o."ReminderHours" = r."ReminderHours" AND o."Enabled" = r."Enabled" AND o."Tasks" = r."Tasks"
                    AND o."Id" < r."Id")
            """;
        migrationBuilder.Sql($"""
            UPDATE "OutboxMessages" SET "Status" = 'Cancelled', "LastError" = 'Its rule was a duplicate of a default rule and was removed.'
            WHERE "Status" = 'Pending' AND "RuleId" IN ({duplicates});
            """);
        migrationBuilder.Sql($"""DELETE FROM "NotificationRules" WHERE "Id" IN ({duplicates});""");
        foreach (var (name, bookingEvent) in DefaultRules)
        {
            migrationBuilder.Sql($"""
                UPDATE "NotificationRules" SET "SeedKey" = 'default-{bookingEvent}'
                WHERE "Id" = (SELECT "Id" FROM "NotificationRules"
                    WHERE "BookingPageId" IS NULL AND "Name" = '{name}' AND "Event" = '{bookingEvent}' ORDER BY "Id" LIMIT 1);
                """);
        }

        migrationBuilder.CreateIndex("IX_NotificationRules_SeedKey", "NotificationRules", "SeedKey", unique: true);

        migrationBuilder.Sql("""
            DELETE FROM "AspNetRoleClaims" WHERE EXISTS (
                SELECT 1 FROM "AspNetRoleClaims" o
                WHERE o."RoleId" = "AspNetRoleClaims"."RoleId" AND o."ClaimType" = "AspNetRoleClaims"."ClaimType"
                    AND o."ClaimValue" = "AspNetRoleClaims"."ClaimValue" AND o."Id" < "AspNetRoleClaims"."Id");
            """);
        migrationBuilder.CreateIndex(
            "IX_AspNetRoleClaims_RoleId_ClaimType_ClaimValue", "AspNetRoleClaims", ["RoleId", "ClaimType", "ClaimValue"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_AspNetRoleClaims_RoleId_ClaimType_ClaimValue", "AspNetRoleClaims");
        migrationBuilder.DropIndex("IX_NotificationRules_SeedKey", "NotificationRules");
        migrationBuilder.DropColumn(name: "SeedKey", table: "NotificationRules");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// The longest block of each calendar's sessions (<see cref="Models.Calendar.LongestBlockSeconds"/>), worked out from the
/// sessions it already holds, one second over to absorb rounding: a bound that is too large costs a few rows read, one
/// that is too small would miss a session.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261203000200_AddCalendarLongestBlock")]
public sealed class AddCalendarLongestBlock : Migration
{
    /// <summary>SQLite keeps dates as text, which julianday() reads; PostgreSQL subtracts timestamps.</summary>
    internal const string SqliteBackfill = """
        UPDATE "Calendars" SET "LongestBlockSeconds" = COALESCE((
            SELECT CAST(max(julianday(s."BlockedEndUtc") - julianday(s."BlockedStartUtc")) * 86400 AS INTEGER) + 1
            FROM "BookingSessions" AS s WHERE s."CalendarId" = "Calendars"."Id"), 0);
        """;

    internal const string PostgresBackfill = """
        UPDATE "Calendars" AS c SET "LongestBlockSeconds" = COALESCE((
            SELECT CAST(ceil(EXTRACT(EPOCH FROM max(s."BlockedEndUtc" - s."BlockedStartUtc"))) AS bigint) + 1
            FROM "BookingSessions" AS s WHERE s."CalendarId" = c."Id"), 0);
        """;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<long>("LongestBlockSeconds", "Calendars", nullable: false, defaultValue: 0L);
        migrationBuilder.Sql(migrationBuilder.IsNpgsql() ? PostgresBackfill : SqliteBackfill);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("LongestBlockSeconds", "Calendars");
    }
}

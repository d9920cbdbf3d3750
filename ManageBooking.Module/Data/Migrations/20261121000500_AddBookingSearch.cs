using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// A substring index on customers' names and emails, so the admin's search by a fragment ("ovela") seeks instead of
/// reading every booking. SQLite: an FTS5 table with the trigram tokenizer, kept in step by triggers and holding the
/// booking's Id (not its rowid, which VACUUM may renumber on a table whose key is not an integer). PostgreSQL: pg_trgm GIN
/// indexes on the lowered columns, which LIKE '%…%' uses; pg_trgm is a trusted extension, so the database's owner may
/// create it.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261121000500_AddBookingSearch")]
public sealed class AddBookingSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "BookingSearch" USING fts5("Id" UNINDEXED, "CustomerName", "CustomerEmail", tokenize = 'trigram');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "BookingSearch" ("Id", "CustomerName", "CustomerEmail") SELECT "Id", "CustomerName", "CustomerEmail" FROM "Bookings";
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Bookings_Search_Insert" AFTER INSERT ON "Bookings" BEGIN
                    INSERT INTO "BookingSearch" ("Id", "CustomerName", "CustomerEmail") VALUES (new."Id", new."CustomerName", new."CustomerEmail");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Bookings_Search_Update" AFTER UPDATE OF "CustomerName", "CustomerEmail" ON "Bookings" BEGIN
                    UPDATE "BookingSearch" SET "CustomerName" = new."CustomerName", "CustomerEmail" = new."CustomerEmail" WHERE "Id" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Bookings_Search_Delete" AFTER DELETE ON "Bookings" BEGIN
                    DELETE FROM "BookingSearch" WHERE "Id" = old."Id";
                END;
                """);
        }
        else if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Bookings_CustomerName_Trigram" ON "Bookings" USING gin (lower("CustomerName") gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Bookings_CustomerEmail_Trigram" ON "Bookings" USING gin (lower("CustomerEmail") gin_trgm_ops);""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""DROP TRIGGER "Bookings_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Bookings_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Bookings_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "BookingSearch";""");
        }
        else if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Bookings_CustomerEmail_Trigram";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Bookings_CustomerName_Trigram";""");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Data.Migrations;

/// <summary>
/// Calendars, booking pages (as they were before the manage settings), bookings, sessions and history. Written by
/// hand because EF's design-time package cannot be restored here; no column names a store type, so SQLite and
/// PostgreSQL each map the CLR types their own way.
/// </summary>
[DbContext(typeof(ManageBookingDbContext))]
[Migration("20261121000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "Calendars",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Seats = table.Column<int>(nullable: false),
                WriteCount = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Calendars", x => x.Id));

        migrationBuilder.CreateTable(
            name: "BookingPages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Slug = table.Column<string>(maxLength: 80, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                IsPublished = table.Column<bool>(nullable: false),
                CalendarId = table.Column<Guid>(nullable: false),
                OwnerName = table.Column<string>(maxLength: 200, nullable: false),
                OwnerEmail = table.Column<string>(maxLength: 254, nullable: false),
                StakeholderEmails = table.Column<string>(nullable: false),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                SessionLength = table.Column<TimeSpan>(nullable: false),
                SlotInterval = table.Column<TimeSpan>(nullable: false),
                WeeklyHours = table.Column<string>(nullable: false),
                DateOverrides = table.Column<string>(nullable: false),
                BufferBefore = table.Column<TimeSpan>(nullable: false),
                BufferAfter = table.Column<TimeSpan>(nullable: false),
                MinimumNotice = table.Column<TimeSpan>(nullable: false),
                BookingHorizon = table.Column<TimeSpan>(nullable: false),
                SessionsPerBooking = table.Column<int>(nullable: false),
                ApprovalMode = table.Column<string>(maxLength: 20, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BookingPages", x => x.Id);
                table.ForeignKey("FK_BookingPages_Calendars_CalendarId", x => x.CalendarId, "Calendars", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Bookings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 16, nullable: false),
                BookingPageId = table.Column<Guid>(nullable: false),
                CalendarId = table.Column<Guid>(nullable: false),
                CustomerName = table.Column<string>(maxLength: 200, nullable: false),
                CustomerEmail = table.Column<string>(maxLength: 254, nullable: false),
                CustomerTimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                RescheduleCount = table.Column<int>(nullable: false),
                ManageTokenHash = table.Column<string>(maxLength: 64, nullable: false),
                FirstStartUtc = table.Column<DateTime>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Bookings", x => x.Id);
                table.ForeignKey("FK_Bookings_BookingPages_BookingPageId", x => x.BookingPageId, "BookingPages", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "BookingSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BookingId = table.Column<Guid>(nullable: false),
                CalendarId = table.Column<Guid>(nullable: false),
                StartUtc = table.Column<DateTime>(nullable: false),
                EndUtc = table.Column<DateTime>(nullable: false),
                BlockedStartUtc = table.Column<DateTime>(nullable: false),
                BlockedEndUtc = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                ReplacesSessionId = table.Column<Guid>(nullable: true),
                LineageId = table.Column<Guid>(nullable: false),
                IsReplaced = table.Column<bool>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                CancelledUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BookingSessions", x => x.Id);
                table.ForeignKey("FK_BookingSessions_Bookings_BookingId", x => x.BookingId, "Bookings", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_BookingSessions_Calendars_CalendarId", x => x.CalendarId, "Calendars", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "BookingHistory",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BookingId = table.Column<Guid>(nullable: false),
                AtUtc = table.Column<DateTime>(nullable: false),
                Actor = table.Column<string>(maxLength: 20, nullable: false),
                ActorName = table.Column<string>(maxLength: 200, nullable: true),
                Action = table.Column<string>(maxLength: 30, nullable: false),
                SessionId = table.Column<Guid>(nullable: true),
                FromStartUtc = table.Column<DateTime>(nullable: true),
                ToStartUtc = table.Column<DateTime>(nullable: true),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                OverrodePolicy = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BookingHistory", x => x.Id);
                table.ForeignKey("FK_BookingHistory_Bookings_BookingId", x => x.BookingId, "Bookings", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_BookingPages_Slug", "BookingPages", "Slug", unique: true);
        migrationBuilder.CreateIndex("IX_BookingPages_CalendarId", "BookingPages", "CalendarId");
        migrationBuilder.CreateIndex("IX_Bookings_Reference", "Bookings", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_Bookings_ManageTokenHash", "Bookings", "ManageTokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_Bookings_BookingPageId", "Bookings", "BookingPageId");
        migrationBuilder.CreateIndex("IX_Bookings_CustomerEmail", "Bookings", "CustomerEmail");
        migrationBuilder.CreateIndex("IX_Bookings_FirstStartUtc_Reference", "Bookings", ["FirstStartUtc", "Reference"]);
        migrationBuilder.CreateIndex("IX_Bookings_Status_FirstStartUtc_Reference", "Bookings", ["Status", "FirstStartUtc", "Reference"]);
        migrationBuilder.CreateIndex("IX_BookingSessions_BookingId", "BookingSessions", "BookingId");
        migrationBuilder.CreateIndex("IX_BookingSessions_CalendarId_Status_BlockedStartUtc", "BookingSessions", ["CalendarId", "Status", "BlockedStartUtc"]);
        migrationBuilder.CreateIndex("IX_BookingHistory_BookingId_AtUtc", "BookingHistory", ["BookingId", "AtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("BookingHistory");
        migrationBuilder.DropTable("BookingSessions");
        migrationBuilder.DropTable("Bookings");
        migrationBuilder.DropTable("BookingPages");
        migrationBuilder.DropTable("Calendars");
    }
}

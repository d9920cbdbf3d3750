using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ManageBooking.Tests.Data;

/// <summary>The migrations on each provider, and what they decide for pages that existed before a setting.</summary>
public abstract class MigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AddManageSettings_TurnsTheToggleOffForExistingPagesAndNewPagesStartWithItOn()
    {
        var calendarId = Guid.NewGuid();
        var oldPageId = Guid.NewGuid();
        await using (var db = _database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000000_Initial");
            var now = DateTime.UtcNow;
            var hour = TimeSpan.FromHours(1);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Calendars" ("Id", "Name", "Seats", "WriteCount") VALUES ({calendarId}, {"Old calendar"}, {1}, {0L})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "BookingPages" ("Id", "Slug", "Title", "IsPublished", "CalendarId", "OwnerName", "OwnerEmail",
                    "StakeholderEmails", "TimeZoneId", "SessionLength", "SlotInterval", "WeeklyHours", "DateOverrides",
                    "BufferBefore", "BufferAfter", "MinimumNotice", "BookingHorizon", "SessionsPerBooking", "ApprovalMode",
                    "CreatedUtc", "UpdatedUtc", "Version")
                VALUES ({oldPageId}, {"old-page"}, {"Old page"}, {true}, {calendarId}, {"Owner"}, {"owner@example.com"},
                    {"[]"}, {"UTC"}, {hour}, {hour}, {"[]"}, {"[]"},
                    {TimeSpan.Zero}, {TimeSpan.Zero}, {TimeSpan.Zero}, {TimeSpan.FromDays(30)}, {1}, {"Automatic"},
                    {now}, {now}, {Guid.NewGuid()})
                """);
        }

        await using (var db = _database.CreateContext())
        {
            await db.Database.MigrateAsync();
            db.BookingPages.Add(new BookingPage { Slug = "new-page", Title = "New page", CalendarId = calendarId, OwnerName = "Owner", OwnerEmail = "owner@example.com" });
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var pages = await db.BookingPages.AsNoTracking().ToDictionaryAsync(p => p.Slug);
            Assert.False(pages["old-page"].Manage.Enabled);
            Assert.Equal(ReasonRule.Optional, pages["old-page"].Manage.CancelReason);
            Assert.Equal(TimeSpan.Zero, pages["old-page"].Manage.CancelCutoff);
            Assert.True(pages["new-page"].Manage.Enabled);
        }
    }

    [Fact]
    public async Task AddSeedKeys_RemovesTheCopiesRacingStartsSeeded_KeepsEditedAndOwnRules_AndKeysTheDefaults()
    {
        static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");
        await using (var db = _database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000600_AddBookingCulture");
            async Task RuleAsync(int id, string name, string bookingEvent, string tasks)
                => await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "NotificationRules" ("Id", "Name", "Event", "BookingPageId", "Enabled", "ReminderHours", "Order", "Tasks")
                    VALUES ({Id(id)}, {name}, {bookingEvent}, {null as Guid?}, {true}, {24}, {20}, {tasks})
                    """);
            async Task MessageAsync(int id, int ruleId, string status)
                => await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "OutboxMessages" ("Id", "Kind", "Status", "RuleId", "Summary", "Payload", "CreatedUtc", "DueUtc", "Attempts")
                    VALUES ({Id(id)}, {"Email"}, {status}, {Id(ruleId)}, {"Booking confirmed"}, {"x"}, {DateTime.UtcNow}, {DateTime.UtcNow}, {0})
                    """);

            // Three nodes each seeded the defaults; the owner then edited one copy of the cancellation rule.
            foreach (var copy in new[] { 1, 2, 3 })
            {
                await RuleAsync(copy, "Booking confirmed", "Confirmed", """[{"subject":"confirmed"}]""");
                await RuleAsync(10 + copy, "Booking cancelled", "Cancelled", copy == 3 ? """[{"subject":"edited"}]""" : """[{"subject":"cancelled"}]""");
                await MessageAsync(100 + copy, copy, "Pending");
            }

            await MessageAsync(104, 2, "Sent");
            await RuleAsync(21, "CRM", "Confirmed", """[{"subject":"hook"}]""");
            await RuleAsync(22, "CRM", "Confirmed", """[{"subject":"hook"}]""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ({"r1"}, {"Editor"}, {"EDITOR"})""");
            foreach (var claim in new[] { 1, 2 })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AspNetRoleClaims" ("Id", "RoleId", "ClaimType", "ClaimValue") VALUES ({claim}, {"r1"}, {"permission"}, {"ManageSettings"})
                    """);
            }
        }

        await using (var db = _database.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var rules = await db.NotificationRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([Id(1), Id(11), Id(13), Id(21), Id(22)], rules.Select(r => r.Id));
            Assert.Equal(["default-Confirmed", "default-Cancelled", null, null, null], rules.Select(r => r.SeedKey));
            var messages = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Status).ToListAsync();
            Assert.Equal([OutboxStatus.Pending, OutboxStatus.Cancelled, OutboxStatus.Cancelled, OutboxStatus.Sent], messages);
            Assert.Equal(1, await db.RoleClaims.CountAsync());

            db.NotificationRules.Add(new NotificationRule { Name = "Booking confirmed", SeedKey = "default-Confirmed", Event = BookingEvent.Confirmed });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Migrations_RoundTripEveryColumnTheModelUses()
    {
        await using var db = _database.CreateContext();
        await db.Database.MigrateAsync();
        var calendar = new Calendar { Name = "Round trip", Seats = 2 };
        var page = new BookingPage
        {
            Slug = "round-trip",
            Title = "Round trip",
            CalendarId = calendar.Id,
            OwnerName = "Owner",
            OwnerEmail = "owner@example.com",
            StakeholderEmails = ["a@example.com", "b@example.com"],
            TimeZoneId = "Europe/Paris",
            WeeklyHours = [new WeeklyHours(DayOfWeek.Tuesday, new TimeOnly(9, 30), new TimeOnly(12, 0))],
            DateOverrides = [new DateOverride(new DateOnly(2026, 12, 24), [])],
            BufferAfter = TimeSpan.FromMinutes(10),
            BookingHorizon = TimeSpan.FromDays(400),
            Manage = new ManageSettings { CancelCutoff = TimeSpan.FromHours(48), RescheduleReason = ReasonRule.Required, MaxReschedules = 3, PolicyText = "Be kind.", ContactText = "Call 01 23 45 67 89." },
            Location = new BookingLocation(LocationKind.Phone, "", PhoneCaller.HostCalls),
            Questions =
            [
                new QuestionField
                {
                    Key = "plan", Label = "Plan", Help = "Pick one", Kind = QuestionKind.SingleChoice, Required = true, Choices = ["Basic", "Pro"],
                    Translations = [new QuestionFieldTranslation("fr", "Formule", null, ["Base", "Pro"])],
                },
            ],
        };
        var booking = new Booking
        {
            Reference = "MB-RTRIP2", BookingPageId = page.Id, CalendarId = calendar.Id, CustomerName = "Ada", CustomerEmail = "ada@example.com",
            Answers = [new BookingAnswer("plan", "Plan", QuestionKind.SingleChoice, ["Pro"])],
            Location = new BookingLocation(LocationKind.Phone, "+44 20 7946 0000", PhoneCaller.HostCalls),
        };
        booking.Sessions.Add(new BookingSession
        {
            BookingId = booking.Id, CalendarId = calendar.Id, Attendance = Attendance.NoShow,
            StartUtc = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 3, 9, 11, 0, 0, DateTimeKind.Utc),
            BlockedStartUtc = new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Utc), BlockedEndUtc = new DateTime(2026, 3, 9, 11, 0, 0, DateTimeKind.Utc),
        });
        var moved = Guid.NewGuid();
        booking.History.Add(new BookingHistoryEntry
        {
            BookingId = booking.Id, Action = HistoryAction.Rescheduled, Detail = "Two sessions moved",
            Moves = [new SessionMove(moved, new DateTime(2026, 3, 9, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc))],
        });
        db.AddRange(calendar, page, booking);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var loaded = await db.BookingPages.SingleAsync(p => p.Slug == "round-trip");

        Assert.Equal(["a@example.com", "b@example.com"], loaded.StakeholderEmails);
        Assert.Equal(page.WeeklyHours, loaded.WeeklyHours);
        Assert.Empty(Assert.Single(loaded.DateOverrides).Hours);
        Assert.Equal(TimeSpan.FromDays(400), loaded.BookingHorizon);
        Assert.Equal(TimeSpan.FromHours(48), loaded.Manage.CancelCutoff);
        Assert.Equal(ReasonRule.Required, loaded.Manage.RescheduleReason);
        Assert.Equal(3, loaded.Manage.MaxReschedules);
        Assert.Equal(DateTimeKind.Utc, loaded.CreatedUtc.Kind);
        Assert.Equal("Call 01 23 45 67 89.", loaded.Manage.ContactText);
        Assert.Equal(page.Location, loaded.Location);
        var question = Assert.Single(loaded.Questions);
        Assert.Equal(("plan", "Plan", "Pick one", QuestionKind.SingleChoice, true), (question.Key, question.Label, question.Help, question.Kind, question.Required));
        Assert.Equal(["Basic", "Pro"], question.Choices);
        Assert.Equal(["Base", "Pro"], Assert.Single(question.Translations).Choices);

        var stored = await db.Bookings.Include(b => b.History).Include(b => b.Sessions).SingleAsync();
        Assert.Equal(Attendance.NoShow, Assert.Single(stored.Sessions).Attendance);
        var answer = Assert.Single(stored.Answers);
        Assert.Equal(("plan", "Plan", QuestionKind.SingleChoice, "Pro"), (answer.Key, answer.Label, answer.Kind, answer.Value));
        Assert.Equal(booking.Location, stored.Location);
        var entry = Assert.Single(stored.History);
        Assert.Equal("Two sessions moved", entry.Detail);
        Assert.Equal(booking.History[0].Moves, entry.Moves);
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres);

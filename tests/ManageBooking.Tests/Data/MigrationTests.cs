using ManageBooking.Data;
using ManageBooking.Models;
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
            Manage = new ManageSettings { CancelCutoff = TimeSpan.FromHours(48), RescheduleReason = ReasonRule.Required, MaxReschedules = 3, PolicyText = "Be kind." },
        };
        db.AddRange(calendar, page);
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
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres);

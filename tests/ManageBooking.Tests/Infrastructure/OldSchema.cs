using System.Text.Json;
using ManageBooking.Data;
using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// Rows written as a database migrated only part of the way held them: the model knows columns later migrations add,
/// so EF cannot insert them itself.
/// </summary>
public static class OldSchema
{
    /// <summary>A calendar and a page with the columns of migration AddBookingCulture (the manage settings included).</summary>
    public static async Task InsertPageAsync(ManageBookingDbContext db, Calendar calendar, BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(page);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Calendars" ("Id", "Name", "Seats", "WriteCount") VALUES ({calendar.Id}, {calendar.Name}, {calendar.Seats}, {0L})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "BookingPages" ("Id", "Slug", "Title", "IsPublished", "CalendarId", "OwnerName", "OwnerEmail",
                "StakeholderEmails", "TimeZoneId", "SessionLength", "SlotInterval", "WeeklyHours", "DateOverrides",
                "BufferBefore", "BufferAfter", "MinimumNotice", "BookingHorizon", "SessionsPerBooking", "ApprovalMode",
                "CreatedUtc", "UpdatedUtc", "Version", "Manage_Enabled", "Manage_CancelCutoff", "Manage_RescheduleCutoff",
                "Manage_CancelReason", "Manage_RescheduleReason")
            VALUES ({page.Id}, {page.Slug}, {page.Title}, {page.IsPublished}, {calendar.Id}, {page.OwnerName}, {page.OwnerEmail},
                {JsonSerializer.Serialize(page.StakeholderEmails, json)}, {page.TimeZoneId}, {page.SessionLength}, {page.SlotInterval},
                {JsonSerializer.Serialize(page.WeeklyHours, json)}, {"[]"},
                {page.BufferBefore}, {page.BufferAfter}, {page.MinimumNotice}, {page.BookingHorizon}, {page.SessionsPerBooking}, {page.ApprovalMode.ToString()},
                {now}, {now}, {page.Version}, {page.Manage.Enabled}, {page.Manage.CancelCutoff}, {page.Manage.RescheduleCutoff},
                {page.Manage.CancelReason.ToString()}, {page.Manage.RescheduleReason.ToString()})
            """);
    }
}

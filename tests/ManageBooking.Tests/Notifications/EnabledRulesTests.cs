using System.Text.Json;
using ManageBooking.Models.Notifications;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Notifications;

/// <summary>
/// Bookings plan with the enabled rules kept in memory while the store says their versions are the same: a rule changed by
/// any save, not only through the rule editor, must reach the very next booking.
/// </summary>
public abstract class EnabledRulesTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string Meeting = "30-minute-meeting";

    [Fact]
    public async Task ARuleChangedByAnySave_IsWhatTheNextBookingPlansWith()
    {
        var (first, _) = await BookWithTokenAsync(Meeting, "2026-03-03T10:00:00-05:00");
        var confirmed = await App.QueryAsync(db => db.NotificationRules.AsNoTracking().SingleAsync(r => r.SeedKey == "default-Confirmed"));
        Assert.NotEqual(0, await RowsOfAsync(first, confirmed.Id));

        // Not through the editor: the rule is moved to another page by a plain save that never touches its version.
        var consultation = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "consultation").Select(p => p.Id).SingleAsync());
        await App.ArrangeAsync(async db => (await db.NotificationRules.SingleAsync(r => r.Id == confirmed.Id)).BookingPageId = consultation);

        var (second, _) = await BookWithTokenAsync(Meeting, "2026-03-03T11:00:00-05:00");
        Assert.Equal(0, await RowsOfAsync(second, confirmed.Id));
        Assert.NotEqual(confirmed.Version, await App.QueryAsync(db => db.NotificationRules.Where(r => r.Id == confirmed.Id).Select(r => r.Version).SingleAsync()));

        // And back, with its tasks cut down to the customer's email alone.
        await App.ArrangeAsync(async db =>
        {
            var rule = await db.NotificationRules.SingleAsync(r => r.Id == confirmed.Id);
            rule.BookingPageId = null;
            rule.Tasks = [.. rule.Tasks.Where(t => t.Recipients == RecipientKind.Customer)];
        });
        var (third, _) = await BookWithTokenAsync(Meeting, "2026-03-03T12:00:00-05:00");
        Assert.Equal(1, await RowsOfAsync(third, confirmed.Id));
    }

    private Task<int> RowsOfAsync(JsonElement booking, Guid ruleId)
    {
        var reference = booking.GetProperty("reference").GetString();
        return App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.RuleId == ruleId && db.Bookings.Any(b => b.Id == m.BookingId && b.Reference == reference)));
    }
}

public sealed class SqliteEnabledRulesTests() : EnabledRulesTests(DatabaseProvider.Sqlite);

public sealed class PostgresEnabledRulesTests() : EnabledRulesTests(DatabaseProvider.Postgres);

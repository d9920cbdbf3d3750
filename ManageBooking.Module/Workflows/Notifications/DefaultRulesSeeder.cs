using ManageBooking.Data;
using ManageBooking.Localization;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Notifications;

/// <summary>A new site emails everyone from its first booking; the admin edits these rules afterwards.</summary>
public sealed class DefaultRulesSeeder(ManageBookingDbContext db, SiteCultures cultures) : IStoreSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.NotificationRules.AnyAsync(cancellationToken))
        {
            return;
        }

        db.NotificationRules.AddRange(DefaultNotificationRules.Create(cultures.Default.TwoLetterISOLanguageName));
        await db.SaveChangesAsync(cancellationToken);
    }
}

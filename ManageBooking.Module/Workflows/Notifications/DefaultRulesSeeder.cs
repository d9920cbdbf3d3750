using ManageBooking.Data;
using ManageBooking.Localization;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// A new site emails everyone from its first booking; the admin edits these rules afterwards. On an existing site, a
/// seeded rule's task that still holds an earlier default template word for word gets the current one, and a seeded
/// rule that still has an earlier default name gets the current one. A rule the owner deleted never comes back.
/// </summary>
public sealed class DefaultRulesSeeder(ManageBookingDbContext db, SiteCultures cultures) : IStoreSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Deleted rules count: a site whose owner deleted every rule does not get the defaults back.
        if (await db.NotificationRules.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            await UpgradeUntouchedTemplatesAsync(cancellationToken);
            await AddRulesForNewEventsAsync(cancellationToken);
            return;
        }

        db.NotificationRules.AddRange(DefaultNotificationRules.Create(cultures.Default.TwoLetterISOLanguageName));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The default rule of an event a later version brought, once: its seed key (deleted or not) says it was added.</summary>
    private async Task AddRulesForNewEventsAsync(CancellationToken cancellationToken)
    {
        var keys = DefaultNotificationRules.AddedLater.Select(DefaultNotificationRules.SeedKeyFor).ToList();
        var present = await db.NotificationRules.IgnoreQueryFilters().Where(r => r.SeedKey != null && keys.Contains(r.SeedKey)).Select(r => r.SeedKey).ToListAsync(cancellationToken);
        var missing = DefaultNotificationRules.Create(cultures.Default.TwoLetterISOLanguageName)
            .Where(r => keys.Contains(r.SeedKey!) && !present.Contains(r.SeedKey))
            .ToList();
        if (missing.Count > 0)
        {
            db.NotificationRules.AddRange(missing);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task UpgradeUntouchedTemplatesAsync(CancellationToken cancellationToken)
    {
        var language = cultures.Default.TwoLetterISOLanguageName;
        foreach (var rule in await db.NotificationRules.Where(r => r.SeedKey != null).ToListAsync(cancellationToken))
        {
            if (DefaultNotificationRules.RenamedFrom(rule) is { } name)
            {
                rule.Name = name;
            }

            var outdated = DefaultNotificationRules.Outdated(rule, language).ToList();
            if (outdated.Count == 0)
            {
                continue;
            }

            // Each task keeps its identity, so messages already queued for it render with the new template.
            var ids = rule.IdentifiedTasks().Select(t => t.Id).ToList();
            var tasks = rule.Tasks.ToList();
            foreach (var (index, current) in outdated)
            {
                tasks[index] = current with { Id = ids[index] };
            }

            rule.Tasks = tasks;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

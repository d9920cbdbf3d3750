using ManageBooking.Models.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Data;

/// <summary>
/// A notification rule's <see cref="NotificationRule.Version"/> changes with every save that changes the rule, whoever
/// saves it (the rule editor, the seeder updating a default template, a test): the planner's cache of the enabled rules
/// is only as fresh as that promise.
/// </summary>
internal static class RuleVersions
{
    /// <summary>Gives each modified rule whose version the change left as it was a new one; the caller has detected changes.</summary>
    public static void RenewModified(ManageBookingDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<NotificationRule>())
        {
            if (entry.State == EntityState.Modified && entry.Property(r => r.Version) is { IsModified: false } version)
            {
                version.CurrentValue = Guid.NewGuid();
            }
        }
    }
}

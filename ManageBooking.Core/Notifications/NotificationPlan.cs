using ManageBooking.Models.Notifications;

namespace ManageBooking.Notifications;

/// <summary>
/// What the notification rules did with one change: the messages queued now (reminders planned for later are not in
/// it), and enough of what did not fire to say why nobody was written to. Staff read it after every action, so the
/// notice says who was emailed from the rules that fired, never a promise.
/// </summary>
/// <param name="Active">False when no notification feature heard the change (the Workflows feature is off).</param>
/// <param name="RulesMatched">Enabled rules of the change's event for its page, whether or not they had anyone to write to.</param>
/// <param name="CustomerWithheld">Tasks for the customer left out because staff chose not to tell them.</param>
/// <param name="TeamWithheld">Tasks for the team left out because the action is for the customer alone.</param>
public sealed record NotificationPlan(bool Active, int RulesMatched, int CustomerWithheld, int TeamWithheld, IReadOnlyList<PlannedRecipient> Recipients)
{
    /// <summary>Nothing listens for changes: no rule can fire.</summary>
    public static NotificationPlan Off { get; } = new(false, 0, 0, 0, []);

    /// <summary>The tasks <paramref name="bookingEvent"/> sets off now, split into those the change tells and those it withholds.</summary>
    public static NotificationPlan For(
        BookingEvent bookingEvent, Guid pageId, IReadOnlyList<NotificationRule> rules, NodaTime.Instant now, bool notifyCustomer, bool notifyTeam,
        Func<PlannedTask, IEnumerable<PlannedRecipient>> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var all = NotificationSchedule.ForEvent(bookingEvent, pageId, rules, now);
        var told = NotificationSchedule.ForEvent(bookingEvent, pageId, rules, now, notifyCustomer, notifyTeam);
        return new NotificationPlan(
            Active: true,
            RulesMatched: all.Select(p => p.Rule.Id).Distinct().Count(),
            CustomerWithheld: notifyCustomer ? 0 : all.Count(p => p.Task.IsForCustomer),
            TeamWithheld: notifyTeam ? 0 : all.Count(p => !p.Task.IsForCustomer),
            Recipients: [.. told.SelectMany(recipients).Distinct()]);
    }

    /// <summary>Two listeners' plans as one.</summary>
    public NotificationPlan Add(NotificationPlan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new NotificationPlan(
            Active || other.Active,
            RulesMatched + other.RulesMatched,
            CustomerWithheld + other.CustomerWithheld,
            TeamWithheld + other.TeamWithheld,
            [.. Recipients.Concat(other.Recipients).Distinct()]);
    }

    /// <summary>Whether a message goes to <paramref name="audience"/>.</summary>
    public bool Reaches(Audience audience) => Recipients.Any(r => r.Audience == audience);
}

using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// What became of a rule edit: saved (with how many queued messages it withdrew), refused with problems by field ("" for
/// the whole form), in conflict with someone else's save, or no such rule.
/// </summary>
public sealed record RuleEditOutcome(RuleEditResult Result, NotificationRule? Rule, IReadOnlyDictionary<string, string[]> Errors, int Withdrawn = 0)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public static RuleEditOutcome NotFound { get; } = new(RuleEditResult.NotFound, null, None);

    public static RuleEditOutcome Saved(NotificationRule rule, int withdrawn = 0) => new(RuleEditResult.Saved, rule, None, withdrawn);

    public static RuleEditOutcome Conflict(NotificationRule rule, string message) => new(RuleEditResult.Conflict, rule, new Dictionary<string, string[]> { [""] = [message] });

    public static RuleEditOutcome Invalid(NotificationRule? rule, IReadOnlyDictionary<string, string[]> errors) => new(RuleEditResult.Invalid, rule, errors);
}

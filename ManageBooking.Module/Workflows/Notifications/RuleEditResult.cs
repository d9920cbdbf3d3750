namespace ManageBooking.Workflows.Notifications;

/// <summary>What became of a rule edit.</summary>
public enum RuleEditResult
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

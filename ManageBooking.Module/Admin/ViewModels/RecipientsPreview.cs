namespace ManageBooking.Admin.ViewModels;

/// <summary>
/// Who a change would be emailed to, for its confirm step, from the rules enabled now: the team's recipients, the
/// customer's (sent only while "Email the customer" stays ticked), or why no one.
/// </summary>
public sealed record RecipientsPreview(IReadOnlyList<string> Team, string? Customer, string? NoOne);

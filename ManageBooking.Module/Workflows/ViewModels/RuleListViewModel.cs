namespace ManageBooking.Workflows.ViewModels;

/// <summary>The rules, in order, and the notice of the last change.</summary>
public sealed record RuleListViewModel(IReadOnlyList<RuleRow> Rules, string? Notice);

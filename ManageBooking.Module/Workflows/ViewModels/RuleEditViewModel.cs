using ManageBooking.Workflows.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>
/// The rule editor: the rule (none yet when it is being created), its form, the pages it may be limited to, what
/// templates can use, and a notice (saved, or the draft change just made).
/// </summary>
public sealed record RuleEditViewModel(
    Guid? Id,
    RuleForm Form,
    IReadOnlyList<(Guid Id, string Title)> Pages,
    IReadOnlyList<TemplateVariable> Variables,
    string? Notice)
{
    /// <summary>Where the form posts: the rule's address, or the new-rule address.</summary>
    public string Action => Id is { } id ? $"/admin/notifications/{id}" : "/admin/notifications/new";
}

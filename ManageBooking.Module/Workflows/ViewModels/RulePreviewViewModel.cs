using ManageBooking.Workflows.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>The preview document of one task: what it sends, or why there is nothing to show.</summary>
/// <param name="ForCustomer">The customer's email, written in the language they booked in; the team's is in the site's.</param>
public sealed record RulePreviewViewModel(string Task, bool ForCustomer, TaskPreview? Preview, string? Problem, string SiteLanguage);

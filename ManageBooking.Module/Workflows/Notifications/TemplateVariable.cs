namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// One value a template can use, as the renderer provides it: its path (<c>customer.name</c>), the sample's value, and
/// for a list (<c>sessions</c>) the fields of each item.
/// </summary>
public sealed record TemplateVariable(string Path, TemplateValueKind Kind, string? Example, IReadOnlyList<TemplateVariable> Items);

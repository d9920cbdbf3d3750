using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>The rule editor: the rule's event (fixed), its form, and the pages it may be limited to.</summary>
public sealed record RuleEditViewModel(Guid Id, BookingEvent Event, RuleForm Form, IReadOnlyList<(Guid Id, string Title)> Pages, string? Notice);

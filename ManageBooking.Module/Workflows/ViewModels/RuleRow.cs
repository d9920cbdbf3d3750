using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>A rule in the list: what it is called, when it runs, where, what it does in order, and whether it is on.</summary>
public sealed record RuleRow(Guid Id, string Name, BookingEvent Event, int ReminderHours, string? PageTitle, IReadOnlyList<string> Tasks, bool Enabled);

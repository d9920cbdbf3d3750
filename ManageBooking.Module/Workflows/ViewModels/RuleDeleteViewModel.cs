using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>The confirm step before a rule is deleted: which rule, and how many of its messages wait to be sent.</summary>
public sealed record RuleDeleteViewModel(Guid Id, string Name, BookingEvent Event, int ReminderHours, int Tasks, int Queued);

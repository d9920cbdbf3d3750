using ManageBooking.Models.Notifications;

namespace ManageBooking.Notifications;

/// <summary>One task of one rule that an event sets off, due at <see cref="Due"/>; for reminders, of one session lineage.</summary>
public sealed record PlannedTask(NotificationRule Rule, Guid TaskId, NotificationTask Task, BookingEvent Event, NodaTime.Instant Due, Guid? LineageId = null);

using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Policies;
using NodaTime;

namespace ManageBooking.Notifications;

/// <summary>
/// Which rules fire and when: pure decisions, no store and no rendering. A change sets off the enabled rules of its event
/// (for its page or every page) now; reminders are a state the booking should be in, one per reminder rule, task and
/// session lineage, due the rule's hours before the session, while the booking is confirmed and the moment is ahead.
/// </summary>
public static class NotificationSchedule
{
    /// <summary>The tasks <paramref name="bookingEvent"/> sets off now, in rule order, for the audiences the change tells.</summary>
    public static IReadOnlyList<PlannedTask> ForEvent(
        BookingEvent bookingEvent, Guid pageId, IEnumerable<NotificationRule> rules, Instant now, bool notifyCustomer = true, bool notifyTeam = true)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. Matching(rules, bookingEvent, pageId)
            .SelectMany(rule => rule.IdentifiedTasks().Select(t => new PlannedTask(rule, t.Id, t.Task, bookingEvent, now)))
            .Where(p => p.Task.IsForCustomer ? notifyCustomer : notifyTeam)];
    }

    /// <summary>Every reminder the booking should have pending now; nothing for a request, a cancelled or a past session.</summary>
    public static IReadOnlyList<PlannedTask> Reminders(Booking booking, IEnumerable<NotificationRule> rules, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(rules);
        if (booking.Status is not (BookingStatus.Confirmed or BookingStatus.Rescheduled))
        {
            return [];
        }

        var sessions = ManagePolicy.CurrentSessions(booking).Where(s => s.Status == SessionStatus.Scheduled).ToList();
        return [.. from rule in Matching(rules, BookingEvent.ReminderDue, booking.BookingPageId)
                   from session in sessions
                   let due = ReminderDue(session, rule)
                   where due > now
                   from task in rule.IdentifiedTasks()
                   select new PlannedTask(rule, task.Id, task.Task, BookingEvent.ReminderDue, due, session.LineageId)];
    }

    /// <summary>When a reminder rule reminds of a session: its hours before the start.</summary>
    public static Instant ReminderDue(BookingSession session, NotificationRule rule)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rule);
        return Instant.FromDateTimeUtc(session.StartUtc) - Duration.FromHours(rule.ReminderHours);
    }

    private static IEnumerable<NotificationRule> Matching(IEnumerable<NotificationRule> rules, BookingEvent bookingEvent, Guid pageId)
        => rules.Where(r => r.Enabled && r.Event == bookingEvent && (r.BookingPageId is null || r.BookingPageId == pageId)).OrderBy(r => r.Order);
}

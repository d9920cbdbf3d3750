using System.Text.Json;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Notifications;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Turns a booking change into outbox rows, in the caller's transaction: the change and its notifications commit
/// together or not at all. A row holds what happened and which rule task it serves; nothing is rendered here, so no
/// template, address or webhook can fail a booking. Reminders are kept in step with the booking: one pending row per
/// reminder rule task, session lineage and recipient, moved with its session and withdrawn when it is no longer due.
/// </summary>
public sealed class NotificationPlanner(ManageBookingDbContext db, IEnumerable<INotificationTaskActivity> activities, EnabledRules enabledRules, TimeProvider clock) : IBookingNotifications
{
    public static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<NotificationTaskKind, INotificationTaskActivity> _activities = activities.ToDictionary(a => a.Kind);

    public async Task<NotificationPlan> PlanAsync(BookingNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var rules = await RulesAsync(cancellationToken);
        var facts = JsonSerializer.Serialize(Facts(notice), FactsJson);
        foreach (var planned in NotificationSchedule.ForEvent(notice.Event, notice.Page.Id, rules, now, notice.NotifyCustomer, notice.NotifyTeam))
        {
            foreach (var target in Targets(planned.Task, notice.Booking, notice.Page))
            {
                db.OutboxMessages.Add(Row(planned, target, notice.Booking.Id, facts, now));
            }
        }

        // A resent confirmation changes nothing about the booking, so its reminders stand as they are.
        if (!notice.IsResend)
        {
            await KeepRemindersInStepAsync(notice.Booking, notice.Page, rules, now, cancellationToken);
        }

        return Plan(notice, rules, now);
    }

    public async Task<NotificationPlan> PreviewAsync(BookingNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return Plan(notice, await RulesAsync(cancellationToken), Instant.FromDateTimeOffset(clock.GetUtcNow()));
    }

    /// <summary>The rows <see cref="PlanAsync"/> adds for the change, by audience: the same rules, tasks and targets.</summary>
    private NotificationPlan Plan(BookingNotice notice, IReadOnlyList<NotificationRule> rules, Instant now)
        => NotificationPlan.For(notice.Event, notice.Page.Id, rules, now, notice.NotifyCustomer, notice.NotifyTeam, planned =>
            Targets(planned.Task, notice.Booking, notice.Page).Select(target => new PlannedRecipient(target.Audience, target.Address)));

    /// <summary>
    /// After a reminder rule was created or saved (its hours, page, tasks or switch changed): makes the reminders it keeps
    /// queued for the bookings already made what it wants now. A wanted reminder keeps its row and takes its new moment;
    /// one no longer wanted (switched off, another page, a task removed, its moment passed) is withdrawn; a missing one
    /// (a new rule or task, switched on again) is added. Bookings are read in batches; the caller saves.
    /// </summary>
    public async Task SyncRemindersAsync(NotificationRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        // Read back as tracked: a row the caller already withdrew in this unit of work is left as it is.
        var pending = (await db.OutboxMessages
            .Where(m => m.RuleId == rule.Id && m.Status == OutboxStatus.Pending && m.SessionLineageId != null && m.BookingId != null)
            .ToListAsync(cancellationToken)).Where(m => m.Status == OutboxStatus.Pending).ToList();
        List<Guid> owed = [];
        if (rule.Enabled && rule.Event == BookingEvent.ReminderDue && rule.Tasks.Count > 0)
        {
            // Only a session whose reminder moment is still ahead can be owed one.
            var after = (now + Duration.FromHours(rule.ReminderHours)).ToDateTimeUtc();
            owed = await db.Bookings
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Rescheduled)
                    && (rule.BookingPageId == null || b.BookingPageId == rule.BookingPageId)
                    && b.Sessions.Any(s => s.Status == SessionStatus.Scheduled && s.StartUtc > after))
                .Select(b => b.Id)
                .ToListAsync(cancellationToken);
        }

        var queued = pending.ToLookup(m => m.BookingId!.Value);
        foreach (var batch in owed.Union(queued.Select(g => g.Key)).Chunk(500))
        {
            var bookings = await db.Bookings.AsNoTracking().AsSplitQuery().Include(b => b.Page).Include(b => b.Sessions)
                .Where(b => batch.Contains(b.Id))
                .ToListAsync(cancellationToken);
            foreach (var booking in bookings)
            {
                var wanted = NotificationSchedule.Reminders(booking, [rule], now)
                    .SelectMany(p => Targets(p.Task, booking, booking.Page!).Select(t => (Planned: p, Target: t)))
                    .ToList();
                Reconcile(queued[booking.Id], wanted, booking.Id, now, "Withdrawn: the rule no longer reminds of this session (switched off, another page, a task removed, or its moment passed).");
            }

            // A queued reminder of a booking that no longer exists is not wanted either.
            foreach (var orphan in batch.Except(bookings.Select(b => b.Id)).SelectMany(id => queued[id]))
            {
                Withdraw(orphan, "Withdrawn: the booking no longer exists.");
            }
        }
    }

    /// <summary>
    /// Makes the booking's pending reminders what the rules want now: a reminder that is still wanted keeps its row and
    /// takes its session's new moment; one no longer wanted is withdrawn; a missing one is added. So a move moves it, a
    /// cancellation withdraws it, an approval adds it, and nothing ever adds a second one.
    /// </summary>
    private async Task KeepRemindersInStepAsync(Booking booking, BookingPage page, IReadOnlyList<NotificationRule> rules, Instant now, CancellationToken cancellationToken)
    {
        var wanted = NotificationSchedule.Reminders(booking, rules, now)
            .SelectMany(p => Targets(p.Task, booking, page).Select(t => (Planned: p, Target: t)))
            .ToList();
        // A booking being created has no rows yet: no need to ask (one query fewer while its calendar is held).
        List<OutboxMessage> pending = [];
        if (db.Entry(booking).State != EntityState.Added)
        {
            await foreach (var message in PendingRemindersQuery.For(db)(db, booking.Id).WithCancellation(cancellationToken))
            {
                pending.Add(message);
            }
        }

        Reconcile(pending, wanted, booking.Id, now, "Withdrawn: the session moved, was cancelled, or is no longer reminded of.");
    }

    /// <summary>
    /// Makes a booking's queued reminders the wanted ones: each wanted one keeps its row (moved to its moment), the rest are
    /// withdrawn with <paramref name="reason"/>, the missing ones are added.
    /// </summary>
    private void Reconcile(IEnumerable<OutboxMessage> pending, List<(PlannedTask Planned, DeliveryTarget Target)> wanted, Guid bookingId, Instant now, string reason)
    {
        foreach (var message in pending)
        {
            var match = wanted.FindIndex(w => message.TaskId == w.Planned.TaskId && message.RuleId == w.Planned.Rule.Id
                && message.SessionLineageId == w.Planned.LineageId && message.Recipient == w.Target.Address && message.Payload.Length == 0);
            if (match < 0)
            {
                // Rendered before the upgrade, or no longer wanted: a reminder rendered when sent replaces it.
                Withdraw(message, reason);
                continue;
            }

            message.DueUtc = wanted[match].Planned.Due.ToDateTimeUtc();
            wanted.RemoveAt(match);
        }

        foreach (var (planned, target) in wanted)
        {
            db.OutboxMessages.Add(Row(planned, target, bookingId, facts: null, now));
        }
    }

    private IEnumerable<DeliveryTarget> Targets(NotificationTask task, Booking booking, BookingPage page)
        => _activities.TryGetValue(task.Kind, out var activity) ? activity.Targets(task, booking, page) : [];

    private static OutboxMessage Row(PlannedTask planned, DeliveryTarget target, Guid bookingId, string? facts, Instant now)
    {
        var summary = $"{target.Address} · {planned.Rule.Name}";
        return new OutboxMessage
        {
            Kind = planned.Task.Kind == NotificationTaskKind.CallWebhook ? OutboxKind.Webhook : OutboxKind.Email,
            BookingId = bookingId,
            SessionLineageId = planned.LineageId,
            RuleId = planned.Rule.Id,
            TaskId = planned.TaskId,
            Event = planned.Event,
            Recipient = target.Address,
            ForCustomer = target.ForCustomer,
            Facts = facts,
            Summary = summary.Length > 300 ? summary[..300] : summary,
            CreatedUtc = now.ToDateTimeUtc(),
            DueUtc = planned.Due.ToDateTimeUtc(),
        };
    }

    private static void Withdraw(OutboxMessage message, string reason)
    {
        message.Status = OutboxStatus.Cancelled;
        message.LastError = reason;
    }

    private static BookingChange Facts(BookingNotice notice)
    {
        var booking = notice.Booking;
        var last = booking.History.Count > 0 ? booking.History[^1] : null;
        return new BookingChange(
            notice.Event,
            [.. notice.Sessions.Select(SessionFact.Of)],
            [.. (notice.Moves ?? []).Select(m => new SessionMoveFact(SessionFact.Of(m.Old), SessionFact.Of(m.New)))],
            notice.Reason,
            last?.Actor ?? Actor.Customer,
            last?.ActorName,
            booking.Culture)
        {
            Partial = notice.Event == BookingEvent.Cancelled && booking.Status != BookingStatus.Cancelled,
        };
    }

    private Task<IReadOnlyList<NotificationRule>> RulesAsync(CancellationToken cancellationToken) => enabledRules.GetAsync(db, cancellationToken);

    // Compiled once: every change of a booking asks it, inside its calendar's lock. Tracked: the caller saves what changes.
    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, IAsyncEnumerable<OutboxMessage>>> PendingRemindersQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid bookingId) => context.OutboxMessages
            .Where(m => m.BookingId == bookingId && m.Status == OutboxStatus.Pending && m.SessionLineageId != null)));
}

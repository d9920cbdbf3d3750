using System.Text.Json;
using ManageBooking.Data;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Notifications;
using ManageBooking.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ManageBooking.Workflows.Outbox;

/// <summary>
/// Sends due outbox messages. Each message is claimed with a conditional update (a lease of a few seconds, renewed
/// while it is being sent), so dispatchers on several nodes never send one message at the same time, and a node that
/// dies mid-send holds its messages for seconds only. A message is rendered now, from the booking, the rule task and the
/// theme as they are; rows rendered when they were queued are sent as they are. Whatever a task or the renderer throws
/// ends as a failed attempt with its reason; a failure waits with exponential back-off (1, 2, 4 … 60 minutes) and after
/// the last attempt the message is marked Failed for the admin. SMTP down means late.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    Operations.ManageBookingMetrics metrics,
    OutboxHeartbeat heartbeat,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Who holds the leases this dispatcher takes, as written in LeaseOwner.</summary>
    public string Owner => _owner;

    /// <summary>
    /// Sends what is due now, a batch at a time, and the next batch at once while a whole batch was due: after a burst of
    /// bookings the emails go out as fast as they can be sent, not 50 a tick. Returns how many messages it attempted.
    /// </summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        while (true)
        {
            var (due, sent) = await DispatchBatchAsync(cancellationToken);
            attempted += sent;

            // Short of a whole batch, nothing else was due; none attempted, the others are another node's for now.
            if (due < BatchSize || sent == 0)
            {
                return attempted;
            }
        }
    }

    /// <summary>Sends up to one batch of what is due now: how many were due (at most a batch), and how many it attempted.</summary>
    private async Task<(int Due, int Attempted)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        heartbeat.Beat();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await ReportBacklogAsync(db, now, cancellationToken);
        var due = new List<Guid>(BatchSize);
        await foreach (var id in DueQuery.For(db)(db, now, BatchSize).WithCancellation(cancellationToken))
        {
            due.Add(id);
        }

        var gate = scope.ServiceProvider.GetRequiredService<SqliteWriteGate>();
        var attempted = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(db, gate, id, cancellationToken))
            {
                // One scope per message: a message's failure (or a half-tracked entity) never reaches the next one.
                await using var messageScope = scopes.CreateAsyncScope();
                await DeliverAsync(messageScope.ServiceProvider, id, cancellationToken);
                heartbeat.Beat();
                attempted++;
            }
        }

        return (due.Count, attempted);
    }

    /// <summary>What is due and unsent (leased or not), and since when, for the backlog gauges.</summary>
    private async Task ReportBacklogAsync(ManageBookingDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var backlog = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.DueUtc <= now)
            .GroupBy(_ => 1)
            .OrderBy(g => g.Key) // one group; ordered so that EF does not warn of an unordered First at every tick
            .Select(g => new { Count = g.Count(), Oldest = g.Min(m => m.DueUtc) })
            .FirstOrDefaultAsync(cancellationToken);
        metrics.OutboxSeen(backlog?.Count ?? 0, backlog is null ? TimeSpan.Zero : now - backlog.Oldest);
    }

    /// <summary>
    /// One UPDATE … WHERE still unclaimed: exactly one dispatcher sees it affect the row. A write like the bookings' (on
    /// SQLite it waits its turn in the process instead of meeting a booking's write lock, and never holds the one writer
    /// while the disk flushes); committed once it is on disk, which also puts there the booking the message tells of, so
    /// no email goes out for a booking a power cut could still undo.
    /// </summary>
    private async Task<bool> ClaimAsync(ManageBookingDbContext db, SqliteWriteGate gate, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now.AddSeconds(options.Value.LeaseSeconds);
        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntilUtc, leaseUntil).SetProperty(m => m.LeaseOwner, _owner), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed == 1;
    }

    private async Task DeliverAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ManageBookingDbContext>();
        var message = await MessageQuery.For(db)(db, id, cancellationToken);
        TaskOutcome outcome;
        var started = clock.GetTimestamp();
        await using (new LeaseRenewal(scopes, id, _owner, options.Value.LeaseSeconds, clock, logger))
        {
            try
            {
                outcome = await ExecuteAsync(services, db, message, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A template that fails on this booking, an address the mail library refuses, a redirect the HTTP
                // client will not follow: each is this message's failure, recorded like any other.
                outcome = TaskOutcome.Failed($"{exception.GetType().Name}: {exception.Message}");
            }
        }

        metrics.NotificationSent(message.Kind, outcome.Name, clock.GetElapsedTime(started));
        await RecordAsync(db, services.GetRequiredService<SqliteWriteGate>(), message, outcome, cancellationToken);
    }

    private async Task<TaskOutcome> ExecuteAsync(IServiceProvider services, ManageBookingDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Payload.Length > 0)
        {
            return await services.GetRequiredService<RenderedPayloadDelivery>().SendAsync(message, cancellationToken);
        }

        // A kind of message another feature owns (the admin's account links) is made and sent by that feature.
        if (services.GetServices<IOutboxMessageSender>().FirstOrDefault(s => s.Kind == message.Kind) is { } sender)
        {
            return await sender.SendAsync(message, cancellationToken);
        }

        var rule = message.RuleId is { } ruleId ? await RuleQuery.For(db)(db, ruleId, cancellationToken) : null;
        var task = message.TaskId is { } taskId ? rule?.FindTask(taskId) : null;
        if (rule is null || task is null || !rule.Enabled)
        {
            return TaskOutcome.Withdrawn("Withdrawn: its rule or task was switched off or removed before it was sent.");
        }

        var booking = message.BookingId is { } bookingId ? await BookingQuery.For(db)(db, bookingId, cancellationToken) : null;
        if (booking?.Page is null)
        {
            return TaskOutcome.Withdrawn("Withdrawn: the booking no longer exists.");
        }

        var activity = services.GetServices<INotificationTaskActivity>().FirstOrDefault(a => a.Kind == task.Kind);
        if (activity is null)
        {
            return TaskOutcome.Failed($"No task activity handles {task.Kind}.");
        }

        var change = message.Facts is { } facts ? JsonSerializer.Deserialize<BookingChange>(facts, NotificationPlanner.FactsJson) : null;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        return await activity.ExecuteAsync(new TaskDelivery(message, rule, task, booking, change, now), cancellationToken);
    }

    private async Task RecordAsync(ManageBookingDbContext db, SqliteWriteGate gate, OutboxMessage message, TaskOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.LeaseUntilUtc = null;
        message.LeaseOwner = null;
        if (outcome.Name == TaskOutcome.WithdrawnName)
        {
            message.Status = OutboxStatus.Cancelled;
            message.LastError = Truncate(outcome.Detail);
            await SaveAsync(db, gate, cancellationToken);
            return;
        }

        var succeeded = outcome.Name == TaskOutcome.DoneName;
        message.Attempts++;
        message.LastAttemptUtc = now;
        if (succeeded)
        {
            message.Status = OutboxStatus.Sent;
            message.SentUtc = now;
            message.LastError = null;
        }
        else
        {
            message.LastError = Truncate(outcome.Detail ?? outcome.Name);
            if (message.Attempts >= options.Value.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                LogGaveUp(message.Id, message.Attempts, message.LastError);
            }
            else
            {
                message.DueUtc = now + Backoff(message.Attempts);
                LogRetry(message.Id, message.Attempts, message.DueUtc, message.LastError);
            }
        }

        db.OutboxAttempts.Add(new OutboxAttempt { MessageId = message.Id, AtUtc = now, Succeeded = succeeded, Error = message.LastError });
        await SaveAsync(db, gate, cancellationToken);
    }

    /// <summary>The outcome is written as the bookings' writes are: in its turn, answered once it is on disk.</summary>
    private static async Task SaveAsync(ManageBookingDbContext db, SqliteWriteGate gate, CancellationToken cancellationToken)
    {
        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..2000] : text;

    /// <summary>1, 2, 4, 8 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    // Compiled once: the dispatcher runs these for every message it sends.
    private static readonly PerModelQuery<Func<ManageBookingDbContext, DateTime, int, IAsyncEnumerable<Guid>>> DueQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, DateTime now, int count) => context.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.DueUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.DueUtc)
            .Select(m => m.Id)
            .Take(count)));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<OutboxMessage>>> MessageQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.OutboxMessages.First(m => m.Id == id)));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<NotificationRule?>>> RuleQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.NotificationRules.AsNoTracking().FirstOrDefault(r => r.Id == id)));

    // The page is one row and a booking's sessions are few: one joined query instead of a split query's round trips.
    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<Models.Booking?>>> BookingQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Bookings.AsNoTracking()
            .Include(b => b.Page).Include(b => b.Sessions).AsSingleQuery().FirstOrDefault(b => b.Id == id)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed attempt {Attempts}; next try at {DueUtc}: {Error}")]
    private partial void LogRetry(Guid messageId, int attempts, DateTime dueUtc, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} failed {Attempts} times and is marked failed: {Error}")]
    private partial void LogGaveUp(Guid messageId, int attempts, string? error);
}

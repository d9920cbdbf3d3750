using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using ManageBooking.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>
/// Views and changes existing bookings: the manage page, the manage API and the admin all come through here, so the
/// same rules, history and notifications apply to each.
/// </summary>
public sealed partial class ManageService(
    ManageBookingDbContext db,
    CalendarLock calendarLock,
    BusyCalendarLoader busyLoader,
    SlotQueryService slots,
    ManageLinks links,
    IEnumerable<IBookingNotifications> notifications,
    TimeProvider clock,
    Operations.ManageBookingMetrics metrics,
    ILogger<ManageService> logger)
{
    /// <summary>
    /// The booking behind a manage token: a signed link of its current version, or a link issued before links were signed
    /// and not regenerated since. Malformed, unknown, forged and revoked tokens all give null, without telling them apart.
    /// </summary>
    public async Task<Guid?> FindIdByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.TryReadBookingId(token, out var named))
        {
            return null;
        }

        var version = await LinkVersionQuery.For(db)(db, named, cancellationToken);
        if (version is { } current && links.Opens(token, named, current))
        {
            return named;
        }

        return await FindIdByLegacyTokenAsync(token!, cancellationToken);
    }

    /// <summary>The booking a customer opens with a manage token, or null for any token that opens nothing.</summary>
    public async Task<ManagedBooking?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ManageToken.TryReadBookingId(token, out var named))
        {
            return null;
        }

        // A signed link names its booking: read it whole at once and check the link against the version it holds, rather
        // than asking for the version first (one round trip fewer on every manage page and API call).
        var booking = await ReadForCustomerAsync(named, cancellationToken);
        if (booking is not null && links.Opens(token, named, booking.Booking.ManageLinkVersion))
        {
            return booking;
        }

        return await FindIdByLegacyTokenAsync(token!, cancellationToken) is { } id ? await GetAsync(id, Actor.Customer, cancellationToken) : null;
    }

    private async Task<Guid?> FindIdByLegacyTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ManageToken.LegacyHash(token);
        return await db.Bookings.Where(b => b.LegacyTokenHash == hash).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Reads a booking with its page, sessions and history, and what <paramref name="actor"/> may do now.</summary>
    public async Task<ManagedBooking?> GetAsync(Guid bookingId, Actor actor, CancellationToken cancellationToken)
    {
        if (actor == Actor.Customer)
        {
            return await ReadForCustomerAsync(bookingId, cancellationToken);
        }

        var booking = await LoadAsync(bookingId, tracking: false, cancellationToken);
        return booking is null ? null : Describe(booking, actor);
    }

    /// <summary>
    /// What a customer's page or API answer shows: the booking with its page and sessions in one round trip, and of the
    /// history only the cancellation a cancelled booking names, read only then. The staff screen reads the whole history.
    /// </summary>
    private async Task<ManagedBooking?> ReadForCustomerAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await CustomerBookingQuery.For(db)(db, bookingId, cancellationToken);
        if (booking is null)
        {
            return null;
        }

        var cancellation = booking.Status == BookingStatus.Cancelled ? await LastCancellationQuery.For(db)(db, bookingId, cancellationToken) : null;
        return Describe(booking, Actor.Customer, cancellation);
    }

    /// <summary>Cancels the given sessions, or every one still to come.</summary>
    public async Task<Outcome<ManagedBooking>> CancelAsync(
        Guid bookingId, IReadOnlyCollection<Guid>? sessionIds, string? reason, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await ChangeAsync(bookingId, actor, expectedVersion, (booking, now, acting) =>
        {
            var outcome = BookingChanges.Cancel(booking, booking.Page!, sessionIds, reason, acting, now);
            return Task.FromResult<Outcome<BookingNotice?>>(outcome.Succeeded
                ? Outcome<BookingNotice?>.Success(new BookingNotice(BookingEvent.Cancelled, booking, booking.Page!, outcome.Value, booking.History[^1].Reason))
                : outcome.Failure);
        }, cancellationToken);
    }

    /// <summary>Moves a session to a new start.</summary>
    public Task<Outcome<ManagedBooking>> RescheduleAsync(
        Guid bookingId, Guid? sessionId, string? start, string? reason, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
        => RescheduleManyAsync(bookingId, [(sessionId, start)], reason, actor, expectedVersion, cancellationToken);

    /// <summary>
    /// Moves several sessions in one change (one history entry, one notice): all of them or none. A single move may
    /// leave the session out when the booking has only one to move.
    /// </summary>
    public Task<Outcome<ManagedBooking>> RescheduleManyAsync(
        Guid bookingId, IReadOnlyList<(Guid? SessionId, string? Start)> moves, string? reason, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
        => RescheduleCoreAsync(bookingId, moves, reason, notifyCustomer: true, actor, expectedVersion, cancellationToken);

    /// <summary>
    /// Staff move sessions on the customer's behalf, by the staff schedule (past the page's cutoffs, notice and horizon,
    /// never onto a taken time); <paramref name="notifyCustomer"/> false tells only the team.
    /// </summary>
    public Task<Outcome<ManagedBooking>> RescheduleForCustomerAsync(
        Guid bookingId, IReadOnlyList<(Guid? SessionId, string? Start)> moves, string? reason, bool notifyCustomer, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
        => RescheduleCoreAsync(bookingId, moves, reason, notifyCustomer, actor, expectedVersion, cancellationToken);

    private async Task<Outcome<ManagedBooking>> RescheduleCoreAsync(
        Guid bookingId, IReadOnlyList<(Guid? SessionId, string? Start)> moves, string? reason, bool notifyCustomer, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(actor);
        var requested = new List<RequestedMove>();
        foreach (var (sessionId, start) in moves)
        {
            if (InputRules.ParseInstant(start) is not { } newStart)
            {
                return BookingFailure.Invalid(FieldKey.Start, "Give the new start as an ISO 8601 date and time with an offset, such as 2026-03-09T09:00:00-04:00.");
            }

            requested.Add(new RequestedMove(sessionId, newStart));
        }

        return await ChangeAsync(bookingId, actor, expectedVersion, async (booking, now, acting) =>
        {
            var page = booking.Page!;
            var schedule = PageSchedule.For(page, acting.Kind);

            // The sessions being moved free their times; the booking's other sessions still hold theirs.
            var moving = requested.Count == 1 && requested[0].SessionId is null
                ? ManagePolicy.CurrentSessions(booking).Select(s => s.Id).ToArray()
                : [.. requested.Select(m => m.SessionId ?? Guid.Empty)];
            var starts = requested.Select(m => m.Start).ToList();
            // No move asked for: the rules refuse it; there is no calendar to read.
            var busy = starts.Count == 0
                ? new BusyCalendar([])
                : await busyLoader.LoadAsync(page.CalendarId, starts.Min(), starts.Max(), schedule, moving, cancellationToken);
            var outcome = BookingChanges.RescheduleMany(booking, page, schedule, busy, requested, reason, acting, now);
            if (!outcome.Succeeded)
            {
                return outcome.Failure;
            }

            return Outcome<BookingNotice?>.Success(new BookingNotice(
                BookingEvent.Rescheduled, booking, page, [.. outcome.Value.Select(p => p.New)], booking.History[^1].Reason, outcome.Value) { NotifyCustomer = notifyCustomer });
        }, cancellationToken);
    }

    /// <summary>Staff correct or fill in an answer; the history records old and new. Nobody is notified.</summary>
    public Task<Outcome<ManagedBooking>> CorrectAnswerAsync(Guid bookingId, string? key, IReadOnlyList<string>? values, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
        => ChangeAsync(bookingId, actor, expectedVersion, (booking, now, acting) =>
        {
            var outcome = BookingChanges.CorrectAnswer(booking, booking.Page!, key, values, acting, now);
            return Task.FromResult(outcome.Succeeded ? Outcome<BookingNotice?>.Success(null) : outcome.Failure);
        }, cancellationToken);

    /// <summary>Staff mark whether the customer came to a session (null takes the mark back); the history records it, nobody is emailed.</summary>
    public Task<Outcome<ManagedBooking>> MarkAttendanceAsync(Guid bookingId, Guid? sessionId, Attendance? attendance, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
        => ChangeAsync(bookingId, actor, expectedVersion, (booking, now, acting) =>
        {
            var outcome = BookingChanges.MarkAttendance(booking, sessionId, attendance, acting, now);
            return Task.FromResult(outcome.Succeeded ? Outcome<BookingNotice?>.Success(null) : outcome.Failure);
        }, cancellationToken);

    /// <summary>Staff give the booking its own location, or null to follow the page's again; the history records it.</summary>
    public Task<Outcome<ManagedBooking>> SetLocationAsync(Guid bookingId, BookingLocation? location, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
        => ChangeAsync(bookingId, actor, expectedVersion, (booking, now, acting) =>
        {
            var outcome = BookingChanges.SetLocation(booking, location, acting, now);
            return Task.FromResult(outcome.Succeeded ? Outcome<BookingNotice?>.Success(null) : outcome.Failure);
        }, cancellationToken);

    public Task<Outcome<ManagedBooking>> ApproveAsync(Guid bookingId, ActorInfo actor, CancellationToken cancellationToken)
        => ChangeAsync(bookingId, actor, expectedVersion: null, (booking, now, acting) =>
        {
            var outcome = BookingChanges.Approve(booking, acting, now);
            return Task.FromResult<Outcome<BookingNotice?>>(outcome.Succeeded
                ? Outcome<BookingNotice?>.Success(new BookingNotice(BookingEvent.Approved, booking, booking.Page!, ManagePolicy.CurrentSessions(booking)))
                : outcome.Failure);
        }, cancellationToken);

    public Task<Outcome<ManagedBooking>> DeclineAsync(Guid bookingId, string? reason, ActorInfo actor, CancellationToken cancellationToken)
        => ChangeAsync(bookingId, actor, expectedVersion: null, (booking, now, acting) =>
        {
            var outcome = BookingChanges.Decline(booking, reason, acting, now);
            return Task.FromResult<Outcome<BookingNotice?>>(outcome.Succeeded
                ? Outcome<BookingNotice?>.Success(new BookingNotice(BookingEvent.Declined, booking, booking.Page!, outcome.Value, booking.History[^1].Reason))
                : outcome.Failure);
        }, cancellationToken);

    /// <summary>Cancels on the customer's behalf; <paramref name="notifyCustomer"/> false tells only the team.</summary>
    public Task<Outcome<ManagedBooking>> CancelForCustomerAsync(
        Guid bookingId, IReadOnlyCollection<Guid>? sessionIds, string? reason, bool notifyCustomer, ActorInfo actor, Guid? expectedVersion, CancellationToken cancellationToken)
        => ChangeAsync(bookingId, actor, expectedVersion, (booking, now, acting) =>
        {
            var outcome = BookingChanges.Cancel(booking, booking.Page!, sessionIds, reason, acting, now);
            return Task.FromResult<Outcome<BookingNotice?>>(outcome.Succeeded
                ? Outcome<BookingNotice?>.Success(new BookingNotice(BookingEvent.Cancelled, booking, booking.Page!, outcome.Value, booking.History[^1].Reason) { NotifyCustomer = notifyCustomer })
                : outcome.Failure);
        }, cancellationToken);

    /// <summary>
    /// Raises the booking's link version: every earlier link stops working at once, and every email sent from now on,
    /// reminders already queued included, carries the new one. Nobody is emailed.
    /// </summary>
    public Task<Outcome<ManagedBooking>> RegenerateLinkAsync(Guid bookingId, ActorInfo actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(bookingId, actor, expectedVersion: null, (booking, now, acting) =>
        {
            BookingChanges.RegenerateLink(booking, acting, now);

            // Nobody is told; the notice only keeps reminders in step, so one rendered before links were signed (which
            // would carry the dead link) is replaced by one rendered when sent.
            var notice = new BookingNotice(BookingEvent.Confirmed, booking, booking.Page!, [])
            {
                NotifyCustomer = false,
                NotifyTeam = false,
            };
            return Task.FromResult(Outcome<BookingNotice?>.Success(notice));
        }, cancellationToken);
    }

    /// <summary>
    /// Staff ask the customer to pick a new time: the booking stays, flagged, and the customer is emailed their link with
    /// the message, through the rules for <see cref="BookingEvent.RescheduleRequested"/>. The team is not emailed.
    /// </summary>
    public Task<Outcome<ManagedBooking>> RequestRescheduleAsync(Guid bookingId, string? message, ActorInfo actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(bookingId, actor, expectedVersion: null, (booking, now, acting) =>
        {
            var requested = BookingChanges.RequestReschedule(booking, message, acting, now);
            return Task.FromResult(requested.Succeeded
                ? Outcome<BookingNotice?>.Success(new BookingNotice(BookingEvent.RescheduleRequested, booking, booking.Page!, requested.Value, InputRules.NormalizeReason(message)) { NotifyTeam = false })
                : Outcome<BookingNotice?>.Fail(requested.Failure));
        }, cancellationToken);
    }

    /// <summary>
    /// Sends the customer their confirmation (or request-received email) again, with the link they already have; the
    /// team heard of the booking already, and no reminder is planned twice.
    /// </summary>
    public Task<Outcome<ManagedBooking>> ResendConfirmationAsync(Guid bookingId, ActorInfo actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(bookingId, actor, expectedVersion: null, (booking, now, acting) =>
        {
            if (booking.Status is BookingStatus.Cancelled or BookingStatus.Declined)
            {
                return Task.FromResult<Outcome<BookingNotice?>>(BookingFailure.Refused("There is nothing to confirm.", $"This booking is {booking.Status}."));
            }

            var notice = new BookingNotice(booking.Status == BookingStatus.Pending ? BookingEvent.Requested : BookingEvent.Confirmed, booking, booking.Page!, ManagePolicy.CurrentSessions(booking).Where(s => s.Status == SessionStatus.Scheduled).ToList())
            {
                NotifyTeam = false,
                IsResend = true,
            };
            return Task.FromResult(Outcome<BookingNotice?>.Success(notice));
        }, cancellationToken);
    }

    /// <summary>Free times a session of this booking could move to; its own time does not count against it.</summary>
    public async Task<IReadOnlyList<Slot>> FreeSlotsForMoveAsync(ManagedBooking managed, Guid? sessionId, Interval range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(managed);
        var moving = sessionId is { } id ? [id] : ManagePolicy.CurrentSessions(managed.Booking).Select(s => s.Id).ToArray();
        return await slots.FindFreeSlotsAsync(managed.Page, managed.Rights.Actor, range, moving, held: null, cancellationToken);
    }

    /// <summary>
    /// Free times for one session of a change that moves <paramref name="moving"/> together: their times are free,
    /// the new times already chosen for the others (<paramref name="chosen"/>) are not. By the schedule of whoever
    /// opened the booking: staff see times inside the page's notice and past its horizon too.
    /// </summary>
    public async Task<IReadOnlyList<Slot>> FreeSlotsForMovesAsync(
        ManagedBooking managed, IReadOnlyCollection<Guid> moving, IReadOnlyList<Instant> chosen, Interval range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(managed);
        return await slots.FindFreeSlotsAsync(managed.Page, managed.Rights.Actor, range, moving, chosen, cancellationToken);
    }

    private async Task<Outcome<ManagedBooking>> ChangeAsync(
        Guid bookingId, ActorInfo actor, Guid? expectedVersion, Func<Booking, Instant, ActorInfo, Task<Outcome<BookingNotice?>>> change, CancellationToken cancellationToken)
    {
        var calendarId = await CalendarOfQuery.For(db)(db, bookingId, cancellationToken);
        if (calendarId is null)
        {
            return BookingFailure.NotFound("There is no such booking.");
        }

        // Every change of a booking holds its calendar: two changes of one booking (or a change and a new booking of the
        // same time) run one after the other, and the second sees what the first committed.
        await using var transaction = await calendarLock.AcquireAsync(calendarId.Value, cancellationToken);
        var booking = await LoadAsync(bookingId, tracking: true, cancellationToken);
        if (booking is null)
        {
            return BookingFailure.NotFound("There is no such booking.");
        }

        if (expectedVersion is { } expected && expected != booking.Version)
        {
            return BookingFailure.Conflict("This booking changed since you opened it. Reload to see it as it is now.") with { Title = "The booking changed meanwhile." };
        }

        // Whoever holds the token is the customer: their name comes from the booking, not from the caller.
        var acting = actor.Kind == Actor.Customer ? actor with { Name = booking.CustomerName } : actor;
        var now = clock.GetCurrentInstant();
        var changed = await change(booking, now, acting);
        if (!changed.Succeeded)
        {
            metrics.ChangeRefused(changed.Failure.Kind, actor.Kind);
            return changed.Failure;
        }

        // A change with nothing to tell (a corrected answer) has no notice.
        NotificationPlan? notified = null;
        if (changed.Value is { } notice)
        {
            notified = NotificationPlan.Off;
            foreach (var notifier in notifications)
            {
                notified = notified.Add(await notifier.PlanAsync(notice, cancellationToken));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(booking.Reference, booking.Status, actor.Kind);
        metrics.BookingChanged(changed.Value?.Event, actor.Kind);
        return Outcome<ManagedBooking>.Success(Describe(booking, actor.Kind) with { Notified = notified });
    }

    private ManagedBooking Describe(Booking booking, Actor actor)
        => Describe(booking, actor, booking.Status == BookingStatus.Cancelled ? booking.History.Where(h => h.Action == HistoryAction.Cancelled).MaxBy(h => h.AtUtc) : null);

    private ManagedBooking Describe(Booking booking, Actor actor, BookingHistoryEntry? cancellation)
        => new(booking, booking.Page!, ManagePolicy.Evaluate(booking, booking.Page!, clock.GetCurrentInstant(), actor)) { Cancellation = cancellation };

    private Task<Booking?> LoadAsync(Guid bookingId, bool tracking, CancellationToken cancellationToken)
        => tracking ? TrackedBookingQuery.For(db)(db, bookingId, cancellationToken) : BookingQuery.For(db)(db, bookingId, cancellationToken);

    // Compiled once: every manage page and API call runs these, and EF's per-call work of finding a cached plan for an
    // expression tree (hashing it, extracting parameters) is skipped.
    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<int?>>> LinkVersionQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Bookings.Where(b => b.Id == id).Select(b => (int?)b.ManageLinkVersion).FirstOrDefault()));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<Booking?>>> BookingQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Bookings.AsNoTracking()
            .Include(b => b.Page).Include(b => b.Sessions).Include(b => b.History).AsSplitQuery().FirstOrDefault(b => b.Id == id)));

    // The customer's read: the page is one row and a booking's sessions are few, so one joined query costs less than the
    // split query's round trips (each a statement SQLite parses again).
    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<Booking?>>> CustomerBookingQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Bookings.AsNoTracking()
            .Include(b => b.Page).Include(b => b.Sessions).AsSingleQuery().FirstOrDefault(b => b.Id == id)));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<BookingHistoryEntry?>>> LastCancellationQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Set<BookingHistoryEntry>().AsNoTracking()
            .Where(h => h.BookingId == id && h.Action == HistoryAction.Cancelled).OrderByDescending(h => h.AtUtc).FirstOrDefault()));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<Guid?>>> CalendarOfQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Bookings.Where(b => b.Id == id).Select(b => (Guid?)b.CalendarId).FirstOrDefault()));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, Guid, CancellationToken, Task<Booking?>>> TrackedBookingQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, Guid id, CancellationToken _) => context.Bookings
            .Include(b => b.Page).Include(b => b.Sessions).Include(b => b.History).AsSplitQuery().FirstOrDefault(b => b.Id == id)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {Reference} is now {Status} after a change by {Actor}")]
    private partial void LogChanged(string reference, BookingStatus status, Actor actor);
}

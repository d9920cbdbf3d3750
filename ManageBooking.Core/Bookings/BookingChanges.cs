using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Bookings;

/// <summary>Cancelling and rescheduling: the rules, the state changes and the history, for every caller alike.</summary>
public static class BookingChanges
{
    /// <summary>Cancels the given current sessions, or with none given every one still ahead; returns those cancelled.</summary>
    public static Outcome<IReadOnlyList<BookingSession>> Cancel(
        Booking booking, BookingPage page, IReadOnlyCollection<Guid>? sessionIds, string? reasonText, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(actor);
        var rights = ManagePolicy.Evaluate(booking, page, now, actor.Kind);
        if (rights.BookingRefusal != Refusal.None)
        {
            return Refuse(rights.BookingRefusal);
        }

        List<SessionRights> targets;
        if (sessionIds is { Count: > 0 })
        {
            targets = [];
            foreach (var id in sessionIds.Distinct())
            {
                var session = rights.For(id);
                if (session is null)
                {
                    return BookingFailure.Invalid("sessionIds", "One of the sessions is not part of this booking.");
                }

                targets.Add(session);
            }
        }
        else
        {
            // "Cancel the booking" means every session still to come; sessions already held or cancelled stay as they are.
            targets = [.. rights.Sessions.Where(s => s.Session.Status == SessionStatus.Scheduled && s.Cancel != Refusal.SessionStarted)];
            if (targets.Count == 0)
            {
                return Refuse(rights.Sessions.Select(s => s.Cancel).FirstOrDefault(r => r != Refusal.None, Refusal.SessionStarted));
            }
        }

        var refused = targets.FirstOrDefault(t => !t.CanCancel);
        if (refused is not null)
        {
            return Refuse(refused.Cancel);
        }

        var reason = ReasonCheck.Apply(page.Manage.CancelReason, reasonText, actor.Kind, reschedule: false);
        if (!reason.Succeeded)
        {
            return reason.Failure;
        }

        var nowUtc = now.ToDateTimeUtc();
        foreach (var target in targets)
        {
            var session = target.Session;
            var overrode = actor.Kind == Actor.Staff && ManagePolicy.CustomerWouldBeRefused(booking, page, session, now, reschedule: false);
            session.Status = SessionStatus.Cancelled;
            session.CancelledUtc = nowUtc;
            session.Sequence++;
            booking.History.Add(Entry(booking, actor, HistoryAction.Cancelled, nowUtc, session.Id, session.StartUtc, null, reason.Value, overrode));
        }

        if (ManagePolicy.CurrentSessions(booking).All(s => s.Status == SessionStatus.Cancelled))
        {
            booking.Status = BookingStatus.Cancelled;
        }

        Touch(booking, nowUtc);
        return Outcome<IReadOnlyList<BookingSession>>.Success([.. targets.Select(t => t.Session)]);
    }

    /// <summary>
    /// Moves one current session to <paramref name="newStart"/>. <paramref name="busy"/> must hold the calendar without
    /// the session being moved and with the booking's other sessions. Returns the new session.
    /// </summary>
    public static Outcome<BookingSession> Reschedule(
        Booking booking, BookingPage page, PageSchedule schedule, BusyCalendar busy, Guid? sessionId, Instant newStart, string? reasonText, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(actor);
        var rights = ManagePolicy.Evaluate(booking, page, now, actor.Kind);
        if (rights.BookingRefusal != Refusal.None)
        {
            return Refuse(rights.BookingRefusal);
        }

        var target = FindSessionToMove(rights, sessionId);
        if (!target.Succeeded)
        {
            return target.Failure;
        }

        var old = target.Value;
        if (!old.CanReschedule)
        {
            return Refuse(old.Reschedule);
        }

        var reason = ReasonCheck.Apply(page.Manage.RescheduleReason, reasonText, actor.Kind, reschedule: true);
        if (!reason.Succeeded)
        {
            return reason.Failure;
        }

        if (Instant.FromDateTimeUtc(old.Session.StartUtc) == newStart)
        {
            return BookingFailure.Refused("That is already the session's time.", "Choose a different time to move it to.");
        }

        var check = SlotEngine.Check(schedule, busy, newStart, now);
        if (check != SlotCheck.Free)
        {
            return SlotRefusal.For(check);
        }

        var nowUtc = now.ToDateTimeUtc();
        var overrode = actor.Kind == Actor.Staff && ManagePolicy.CustomerWouldBeRefused(booking, page, old.Session, now, reschedule: true);
        var moved = BookingFactory.NewSession(booking, schedule, newStart);
        moved.LineageId = old.Session.LineageId;
        moved.ReplacesSessionId = old.Session.Id;
        moved.Sequence = old.Session.Sequence + 1;
        old.Session.Status = SessionStatus.Cancelled;
        old.Session.IsReplaced = true;
        old.Session.CancelledUtc = nowUtc;
        booking.Sessions.Add(moved);
        booking.RescheduleCount++;
        booking.Status = booking.Status == BookingStatus.Pending || (page.ApprovalMode == ApprovalMode.Manual && actor.Kind == Actor.Customer)
            ? BookingStatus.Pending
            : BookingStatus.Rescheduled;
        booking.History.Add(Entry(booking, actor, HistoryAction.Rescheduled, nowUtc, moved.Id, old.Session.StartUtc, moved.StartUtc, reason.Value, overrode));
        Touch(booking, nowUtc);
        return Outcome<BookingSession>.Success(moved);
    }

    /// <summary>Confirms a booking request.</summary>
    public static Outcome<Booking> Approve(Booking booking, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(actor);
        if (booking.Status != BookingStatus.Pending)
        {
            return BookingFailure.Refused("Only a request awaiting approval can be approved.", $"This booking is {booking.Status}.");
        }

        var nowUtc = now.ToDateTimeUtc();
        booking.Status = BookingStatus.Confirmed;
        booking.History.Add(Entry(booking, actor, HistoryAction.Approved, nowUtc, Guid.Empty, null, null, null, false));
        Touch(booking, nowUtc);
        return Outcome<Booking>.Success(booking);
    }

    /// <summary>Turns a booking request down and frees its times.</summary>
    public static Outcome<IReadOnlyList<BookingSession>> Decline(Booking booking, string? reasonText, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(actor);
        if (booking.Status != BookingStatus.Pending)
        {
            return BookingFailure.Refused("Only a request awaiting approval can be declined.", $"This booking is {booking.Status}.");
        }

        var reason = InputRules.NormalizeReason(reasonText);
        if (reason is { Length: > Booking.ReasonMaxLength })
        {
            return BookingFailure.Invalid("reason", $"A reason can be at most {Booking.ReasonMaxLength} characters.");
        }

        var nowUtc = now.ToDateTimeUtc();
        var freed = ManagePolicy.CurrentSessions(booking).Where(s => s.Status == SessionStatus.Scheduled).ToList();
        foreach (var session in freed)
        {
            session.Status = SessionStatus.Cancelled;
            session.CancelledUtc = nowUtc;
            session.Sequence++;
        }

        booking.Status = BookingStatus.Declined;
        booking.History.Add(Entry(booking, actor, HistoryAction.Declined, nowUtc, Guid.Empty, null, null, reason, false));
        Touch(booking, nowUtc);
        return Outcome<IReadOnlyList<BookingSession>>.Success(freed);
    }

    /// <summary>
    /// Raises the link version: every earlier manage link, a pre-signing one included, stops working, and every email
    /// sent from now on carries the new one.
    /// </summary>
    public static void RegenerateLink(Booking booking, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(actor);
        var nowUtc = now.ToDateTimeUtc();
        booking.ManageLinkVersion++;
        booking.LegacyTokenHash = null;
        booking.History.Add(Entry(booking, actor, HistoryAction.LinkRegenerated, nowUtc, Guid.Empty, null, null, null, false));
        Touch(booking, nowUtc);
    }

    private static Outcome<SessionRights> FindSessionToMove(BookingRights rights, Guid? sessionId)
    {
        if (sessionId is { } id)
        {
            return rights.For(id) is { } chosen
                ? Outcome<SessionRights>.Success(chosen)
                : BookingFailure.Invalid("sessionId", "That session is not part of this booking.");
        }

        var scheduled = rights.Sessions.Where(s => s.Session.Status == SessionStatus.Scheduled).ToList();
        return scheduled.Count == 1
            ? Outcome<SessionRights>.Success(scheduled[0])
            : rights.Sessions.Count == 1
                ? Outcome<SessionRights>.Success(rights.Sessions[0])
                : BookingFailure.Invalid("sessionId", "This booking has several sessions: say which one to move.");
    }

    private static void Touch(Booking booking, DateTime nowUtc)
    {
        var ahead = booking.Sessions.Where(s => s.Status == SessionStatus.Scheduled).Select(s => s.StartUtc).DefaultIfEmpty(booking.FirstStartUtc);
        booking.FirstStartUtc = ahead.Min();
        booking.UpdatedUtc = nowUtc;
        booking.Version = Guid.NewGuid();
    }

    private static BookingFailure Refuse(Refusal refusal)
        => BookingFailure.Refused(RefusalText.Title(refusal), RefusalText.Detail(refusal));

    private static BookingHistoryEntry Entry(
        Booking booking, ActorInfo actor, HistoryAction action, DateTime nowUtc, Guid sessionId, DateTime? from, DateTime? to, string? reason, bool overrode)
        => new()
        {
            BookingId = booking.Id,
            AtUtc = nowUtc,
            Actor = actor.Kind,
            ActorName = actor.Name,
            Action = action,
            SessionId = sessionId == Guid.Empty ? null : sessionId,
            FromStartUtc = from,
            ToStartUtc = to,
            Reason = reason,
            OverrodePolicy = overrode,
        };
}

using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Bookings;

/// <summary>Cancelling and rescheduling: the rules, the state changes and the history, for every caller alike.</summary>
public static class BookingChanges
{
    /// <summary>
    /// Cancels the given current sessions, or with no list at all every one still ahead; an empty list chooses nothing
    /// and is refused (the same rule for the page's form, the API and the admin). Returns the sessions cancelled.
    /// </summary>
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

        if (sessionIds is { Count: 0 })
        {
            return BookingFailure.Invalid(FieldKey.SessionIds, "Choose at least one session to cancel.");
        }

        List<SessionRights> targets;
        if (sessionIds is not null)
        {
            targets = [];
            foreach (var id in sessionIds.Distinct())
            {
                var session = rights.For(id);
                if (session is null)
                {
                    return BookingFailure.Invalid(FieldKey.SessionIds, "One of the sessions is not part of this booking.");
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
            var overrides = actor.Kind == Actor.Staff ? StaffOverride.ForCancel(booking, page, session, now) : [];
            session.Status = SessionStatus.Cancelled;
            session.CancelledUtc = nowUtc;
            session.Sequence++;
            var entry = Entry(booking, actor, HistoryAction.Cancelled, nowUtc, session.Id, session.StartUtc, null, reason.Value, overrides.Count > 0);
            entry.Detail = StaffOverride.Describe(overrides);
            booking.History.Add(entry);
        }

        if (ManagePolicy.CurrentSessions(booking).All(s => s.Status == SessionStatus.Cancelled))
        {
            booking.Status = BookingStatus.Cancelled;
            booking.RescheduleRequestedUtc = null;
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
        var outcome = RescheduleMany(booking, page, schedule, busy, [new RequestedMove(sessionId, newStart)], reasonText, actor, now);
        return outcome.Succeeded ? Outcome<BookingSession>.Success(outcome.Value[0].New) : outcome.Failure;
    }

    /// <summary>
    /// Moves several current sessions in one change: all or none, one reschedule counted, one history entry.
    /// <paramref name="busy"/> must hold the calendar without the sessions being moved and with the booking's others.
    /// Returns each old session with the new one that replaced it, in the order asked.
    /// </summary>
    public static Outcome<IReadOnlyList<(BookingSession Old, BookingSession New)>> RescheduleMany(
        Booking booking, BookingPage page, PageSchedule schedule, BusyCalendar busy, IReadOnlyList<RequestedMove> moves, string? reasonText, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentNullException.ThrowIfNull(moves);
        ArgumentNullException.ThrowIfNull(actor);
        var rights = ManagePolicy.Evaluate(booking, page, now, actor.Kind);
        if (rights.BookingRefusal != Refusal.None)
        {
            return Refuse(rights.BookingRefusal);
        }

        if (moves.Count == 0)
        {
            return BookingFailure.Invalid(FieldKey.SessionIds, "Choose at least one session to move.");
        }

        var targets = new List<(SessionRights Rights, Instant Start)>();
        foreach (var move in moves)
        {
            var target = moves.Count == 1
                ? FindSessionToMove(rights, move.SessionId)
                : move.SessionId is { } id && rights.For(id) is { } chosen
                    ? Outcome<SessionRights>.Success(chosen)
                    : BookingFailure.Invalid(FieldKey.SessionIds, "One of the sessions is not part of this booking.");
            if (!target.Succeeded)
            {
                return target.Failure;
            }

            targets.Add((target.Value, move.Start));
        }

        if (targets.Select(t => t.Rights.Session.Id).Distinct().Count() != targets.Count)
        {
            return BookingFailure.Invalid(FieldKey.SessionIds, "Each session can be moved only once in a change.");
        }

        if (targets.FirstOrDefault(t => !t.Rights.CanReschedule) is { Rights: { } refused })
        {
            return Refuse(refused.Reschedule);
        }

        var reason = ReasonCheck.Apply(page.Manage.RescheduleReason, reasonText, actor.Kind, reschedule: true);
        if (!reason.Succeeded)
        {
            return reason.Failure;
        }

        if (targets.Any(t => Instant.FromDateTimeUtc(t.Rights.Session.StartUtc) == t.Start))
        {
            return BookingFailure.Refused("That is already the session's time.", "Choose a different time to move it to.");
        }

        if (targets.Select(t => t.Start).Distinct().Count() != targets.Count)
        {
            return BookingFailure.Invalid(FieldKey.Starts, "Each session needs a different time.");
        }

        // Each new time is checked against the calendar and against the new times before it.
        foreach (var (_, start) in targets)
        {
            var check = SlotEngine.Check(schedule, busy, start, now);
            if (check != SlotCheck.Free)
            {
                return SlotRefusal.For(check);
            }

            busy.Add(SlotEngine.Occupy(schedule, start));
        }

        var nowUtc = now.ToDateTimeUtc();
        var pairs = new List<(BookingSession Old, BookingSession New)>();
        var overrides = new List<string>();
        foreach (var (target, start) in targets)
        {
            var old = target.Session;
            if (actor.Kind == Actor.Staff)
            {
                overrides.AddRange(StaffOverride.ForMove(booking, page, old, start, now));
            }

            var moved = BookingFactory.NewSession(booking, schedule, start);
            moved.LineageId = old.LineageId;
            moved.ReplacesSessionId = old.Id;
            moved.Sequence = old.Sequence + 1;
            old.Status = SessionStatus.Cancelled;
            old.IsReplaced = true;
            old.CancelledUtc = nowUtc;
            booking.Sessions.Add(moved);
            pairs.Add((old, moved));
        }

        booking.RescheduleCount++;
        booking.RescheduleRequestedUtc = null; // whoever moved it, the host's request is answered
        booking.Status = booking.Status == BookingStatus.Pending || (page.ApprovalMode == ApprovalMode.Manual && actor.Kind == Actor.Customer)
            ? BookingStatus.Pending
            : BookingStatus.Rescheduled;
        var overrode = overrides.Count > 0;
        var entry = pairs.Count == 1
            ? Entry(booking, actor, HistoryAction.Rescheduled, nowUtc, pairs[0].New.Id, pairs[0].Old.StartUtc, pairs[0].New.StartUtc, reason.Value, overrode)
            : Entry(booking, actor, HistoryAction.Rescheduled, nowUtc, Guid.Empty, null, null, reason.Value, overrode);
        entry.Moves = pairs.Count == 1 ? [] : [.. pairs.Select(p => new SessionMove(p.New.Id, p.Old.StartUtc, p.New.StartUtc))];
        entry.Detail = StaffOverride.Describe(overrides);
        booking.History.Add(entry);
        Touch(booking, nowUtc);
        return Outcome<IReadOnlyList<(BookingSession Old, BookingSession New)>>.Success(pairs);
    }

    /// <summary>
    /// Staff correct (or fill in) the answer to question <paramref name="key"/>: checked as the question asks it now, or as
    /// it was asked when the page no longer has it; the label stays the one it was asked under; the history records old
    /// and new. Returns false when nothing changed.
    /// </summary>
    public static Outcome<bool> CorrectAnswer(Booking booking, BookingPage page, string? key, IReadOnlyList<string>? values, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != Actor.Staff)
        {
            return BookingFailure.Refused("Only staff can correct an answer.", "Answers are given when booking and are not asked again.");
        }

        var index = booking.Answers.FindIndex(a => a.Key == key);
        var existing = index >= 0 ? booking.Answers[index] : null;
        var question = page.Questions.FirstOrDefault(q => q.Key == key);
        if (question is null && existing is null)
        {
            return BookingFailure.Invalid(FieldKey.QuestionKey, "This booking has no answer with this key.");
        }

        // Staff may clear an answer, so nothing is required here. A question the page no longer has is checked as it was
        // asked; its options are gone with it, so any option text (of an option's length) is taken.
        var asked = new QuestionField
        {
            Key = existing?.Key ?? question!.Key,
            Label = existing?.Label ?? question!.Label,
            Kind = question?.Kind ?? existing!.Kind,
            Choices = question?.Choices ?? [.. (values ?? []).Select(v => v.Trim()).Where(v => v.Length is > 0 and <= QuestionField.ChoiceMaxLength)],
        };
        var checkedAnswer = Questions.AnswerValidator.Check(asked, values);
        if (!checkedAnswer.Succeeded)
        {
            return BookingFailure.Invalid(Questions.AnswerValidator.ErrorKey(asked.Key), checkedAnswer.Failure.Detail);
        }

        var corrected = checkedAnswer.Value;
        var before = existing is null ? "" : Questions.AnswerText.Plain(existing);
        var after = corrected is null ? "" : Questions.AnswerText.Plain(corrected);
        if (before == after)
        {
            return Outcome<bool>.Success(false);
        }

        if (corrected is null)
        {
            booking.Answers.RemoveAt(index);
        }
        else if (index >= 0)
        {
            booking.Answers[index] = corrected;
        }
        else
        {
            booking.Answers.Add(corrected);
        }

        var nowUtc = now.ToDateTimeUtc();
        var entry = Entry(booking, actor, HistoryAction.AnswerCorrected, nowUtc, Guid.Empty, null, null, null, false);
        entry.Detail = Truncate($"{existing?.Label ?? asked.Label}: {(before.Length == 0 ? "(no answer)" : before)} → {(after.Length == 0 ? "(no answer)" : after)}");
        booking.History.Add(entry);
        Touch(booking, nowUtc);
        return Outcome<bool>.Success(true);
    }

    /// <summary>Staff give the booking its own location, or with null let it follow the page's again.</summary>
    public static Outcome<bool> SetLocation(Booking booking, BookingLocation? location, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != Actor.Staff)
        {
            return BookingFailure.Refused("Only staff can change where a session takes place.", "Contact the host.");
        }

        if (Equals(booking.Location, location))
        {
            return Outcome<bool>.Success(false);
        }

        booking.Location = location;
        var nowUtc = now.ToDateTimeUtc();
        var entry = Entry(booking, actor, HistoryAction.LocationChanged, nowUtc, Guid.Empty, null, null, null, false);
        entry.Detail = Truncate(location is null ? "The page's location" : $"{location.Kind}: {location.Value}");
        booking.History.Add(entry);
        Touch(booking, nowUtc);
        return Outcome<bool>.Success(true);
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
            return BookingFailure.Invalid(FieldKey.Reason, $"A reason can be at most {Booking.ReasonMaxLength} characters.");
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
    /// Staff ask the customer to pick a new time through their link: the booking stands, flagged, until it is rescheduled
    /// or cancelled. Needs a session still ahead; the message (optional) goes into the email and the history.
    /// </summary>
    public static Outcome<IReadOnlyList<BookingSession>> RequestReschedule(Booking booking, string? messageText, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(actor);
        if (booking.Status is BookingStatus.Cancelled or BookingStatus.Declined)
        {
            return BookingFailure.Refused("There is nothing to reschedule.", $"This booking is {booking.Status}.");
        }

        var ahead = ManagePolicy.CurrentSessions(booking)
            .Where(s => s.Status == SessionStatus.Scheduled && Instant.FromDateTimeUtc(s.StartUtc) > now)
            .ToList();
        if (ahead.Count == 0)
        {
            return BookingFailure.Refused("There is nothing to reschedule.", "Every session of this booking has started or is cancelled.");
        }

        var message = InputRules.NormalizeReason(messageText);
        if (message is { Length: > Booking.ReasonMaxLength })
        {
            return BookingFailure.Invalid(FieldKey.Message, $"A message can be at most {Booking.ReasonMaxLength} characters.");
        }

        var nowUtc = now.ToDateTimeUtc();
        booking.RescheduleRequestedUtc = nowUtc;
        booking.History.Add(Entry(booking, actor, HistoryAction.RescheduleRequested, nowUtc, Guid.Empty, null, null, message, false));
        Touch(booking, nowUtc);
        return Outcome<IReadOnlyList<BookingSession>>.Success(ahead);
    }

    /// <summary>
    /// Staff mark whether the customer came to a session that has started (or with null take the mark back). A session
    /// still ahead, cancelled, or of a request never approved has no attendance. Returns false when nothing changed.
    /// </summary>
    public static Outcome<bool> MarkAttendance(Booking booking, Guid? sessionId, Attendance? attendance, ActorInfo actor, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != Actor.Staff)
        {
            return BookingFailure.Refused("Only staff can mark attendance.", "Contact the host.");
        }

        if (attendance is { } mark && !Enum.IsDefined(mark))
        {
            return BookingFailure.Invalid(FieldKey.Attendance, "Choose attended or no-show.");
        }

        var session = ManagePolicy.CurrentSessions(booking).FirstOrDefault(s => s.Id == sessionId);
        if (session is null)
        {
            return BookingFailure.Invalid(FieldKey.SessionId, "That session is not part of this booking.");
        }

        if (booking.Status is BookingStatus.Pending or BookingStatus.Declined)
        {
            return BookingFailure.Refused("This booking was never confirmed.", "Only a confirmed session can be attended or missed.");
        }

        if (session.Status == SessionStatus.Cancelled)
        {
            return BookingFailure.Refused(RefusalText.Title(Refusal.SessionCancelled), "A cancelled session can't be attended or missed.");
        }

        if (now < Instant.FromDateTimeUtc(session.StartUtc))
        {
            return BookingFailure.Refused("That session has not started yet.", "Mark attendance once it has begun.");
        }

        if (session.Attendance == attendance)
        {
            return Outcome<bool>.Success(false);
        }

        session.Attendance = attendance;
        var nowUtc = now.ToDateTimeUtc();
        var action = attendance switch
        {
            Attendance.Attended => HistoryAction.MarkedAttended,
            Attendance.NoShow => HistoryAction.MarkedNoShow,
            _ => HistoryAction.AttendanceCleared,
        };
        booking.History.Add(Entry(booking, actor, action, nowUtc, session.Id, session.StartUtc, null, null, false));
        Touch(booking, nowUtc);
        return Outcome<bool>.Success(true);
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
                : BookingFailure.Invalid(FieldKey.SessionId, "That session is not part of this booking.");
        }

        var scheduled = rights.Sessions.Where(s => s.Session.Status == SessionStatus.Scheduled).ToList();
        return scheduled.Count == 1
            ? Outcome<SessionRights>.Success(scheduled[0])
            : rights.Sessions.Count == 1
                ? Outcome<SessionRights>.Success(rights.Sessions[0])
                : BookingFailure.Invalid(FieldKey.SessionId, "This booking has several sessions: say which one to move.");
    }

    private static string Truncate(string detail) => detail.Length > BookingHistoryEntry.DetailMaxLength ? detail[..BookingHistoryEntry.DetailMaxLength] : detail;

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

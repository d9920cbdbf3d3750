using ManageBooking.Models;
using NodaTime;

namespace ManageBooking.Policies;

/// <summary>
/// The rules of self-service, one place for the manage page, the API and the admin:
/// the customer needs the page's Reschedule &amp; Cancel toggle; a request awaiting approval may be cancelled or given
/// new times whatever the cutoffs and the reschedule limit; a scheduled booking follows the cutoffs; a session that has
/// started is beyond anyone's change. Staff act past cutoffs and limits (the history says so) but not on started sessions.
/// When staff asked the customer to pick a new time, the customer may reschedule whatever the toggle, cutoff and limit.
/// </summary>
public static class ManagePolicy
{
    public static BookingRights Evaluate(Booking booking, BookingPage page, Instant now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        var selfServiceOff = actor == Actor.Customer && !page.Manage.Enabled;
        var bookingRefusal = booking.Status switch
        {
            BookingStatus.Cancelled => Refusal.BookingCancelled,
            BookingStatus.Declined => Refusal.BookingDeclined,
            _ when selfServiceOff && booking.RescheduleRequestedUtc is null => Refusal.SelfServiceOff,
            _ => Refusal.None,
        };

        var sessions = CurrentSessions(booking)
            .Select(session => bookingRefusal != Refusal.None
                ? new SessionRights(session, bookingRefusal, bookingRefusal)
                : new SessionRights(
                    session,
                    selfServiceOff ? Refusal.SelfServiceOff : CancelRefusal(booking, page, session, now, actor),
                    RescheduleRefusal(booking, page, session, now, actor)))
            .ToList();
        return new BookingRights(actor, sessions, bookingRefusal);
    }

    /// <summary>
    /// The first instant after <paramref name="now"/> at which <see cref="Evaluate"/> could answer otherwise for this
    /// booking and page as they stand, or what it shows could change with time alone: a cutoff passing, a session starting
    /// or ending. <see cref="Instant.MaxValue"/> when nothing lies ahead. A page rendered now stays true until then.
    /// </summary>
    public static Instant NextChange(Booking booking, BookingPage page, Instant now)
    {
        ArgumentNullException.ThrowIfNull(page);
        var cutoffs = new[] { Duration.Zero, Duration.FromTimeSpan(page.Manage.CancelCutoff), Duration.FromTimeSpan(page.Manage.RescheduleCutoff) };
        var next = Instant.MaxValue;
        foreach (var session in CurrentSessions(booking).Where(s => s.Status != SessionStatus.Cancelled))
        {
            var start = Instant.FromDateTimeUtc(session.StartUtc);
            foreach (var moment in cutoffs.Select(cutoff => start - cutoff).Append(Instant.FromDateTimeUtc(session.EndUtc)))
            {
                if (moment > now && moment < next)
                {
                    next = moment;
                }
            }
        }

        return next;
    }

    /// <summary>The refusal a customer would get, used to record when staff overrode the policy.</summary>
    public static bool CustomerWouldBeRefused(Booking booking, BookingPage page, BookingSession session, Instant now, bool reschedule)
    {
        ArgumentNullException.ThrowIfNull(page);
        return CustomerRefusal(booking, page, session, now, reschedule) != Refusal.None || !page.Manage.Enabled;
    }

    /// <summary>What a customer would be told on cancelling or moving <paramref name="session"/> now (toggle aside).</summary>
    public static Refusal CustomerRefusal(Booking booking, BookingPage page, BookingSession session, Instant now, bool reschedule)
    {
        ArgumentNullException.ThrowIfNull(page);
        return reschedule
            ? RescheduleRefusal(booking, page, session, now, Actor.Customer)
            : CancelRefusal(booking, page, session, now, Actor.Customer);
    }

    /// <summary>The sessions that are the booking now: not replaced by a reschedule, cancelled ones included, by start.</summary>
    public static IReadOnlyList<BookingSession> CurrentSessions(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return [.. booking.Sessions.Where(s => !s.IsReplaced).OrderBy(s => s.StartUtc)];
    }

    private static Refusal CancelRefusal(Booking booking, BookingPage page, BookingSession session, Instant now, Actor actor)
        => CommonRefusal(booking, session, now) is var common and not Refusal.None
            ? common
            : CutoffRefusal(booking, page.Manage.CancelCutoff, session, now, actor);

    private static Refusal RescheduleRefusal(Booking booking, BookingPage page, BookingSession session, Instant now, Actor actor)
    {
        var common = CommonRefusal(booking, session, now);
        if (common != Refusal.None)
        {
            return common;
        }

        // The host asked for a new time: their request outranks the page's cutoff and limit.
        if (booking.RescheduleRequestedUtc is not null)
        {
            return Refusal.None;
        }

        var cutoff = CutoffRefusal(booking, page.Manage.RescheduleCutoff, session, now, actor);
        if (cutoff != Refusal.None)
        {
            return cutoff;
        }

        var limited = actor == Actor.Customer
            && booking.Status != BookingStatus.Pending
            && page.Manage.MaxReschedules is { } max
            && booking.RescheduleCount >= max;
        return limited ? Refusal.MaxReschedulesReached : Refusal.None;
    }

    private static Refusal CommonRefusal(Booking booking, BookingSession session, Instant now)
    {
        if (session.Status == SessionStatus.Cancelled)
        {
            return Refusal.SessionCancelled;
        }

        return now >= Instant.FromDateTimeUtc(session.StartUtc) ? Refusal.SessionStarted : Refusal.None;
    }

    private static Refusal CutoffRefusal(Booking booking, TimeSpan cutoff, BookingSession session, Instant now, Actor actor)
    {
        if (actor != Actor.Customer || booking.Status == BookingStatus.Pending)
        {
            return Refusal.None;
        }

        var deadline = Instant.FromDateTimeUtc(session.StartUtc) - Duration.FromTimeSpan(cutoff);
        return now >= deadline ? Refusal.CutoffPassed : Refusal.None;
    }
}

using ManageBooking.Models;
using NodaTime;

namespace ManageBooking.Policies;

/// <summary>
/// The page's rules a staff action went past that a customer is held to, in words for the booking's history: staff may
/// cancel or move past the cutoffs, the reschedule limit and a switched-off self-service, and book or move inside the
/// minimum notice or beyond the horizon. Empty when a customer could have done the same.
/// </summary>
public static class StaffOverride
{
    /// <summary>Cancelling <paramref name="session"/> now.</summary>
    public static IReadOnlyList<string> ForCancel(Booking booking, BookingPage page, BookingSession session, Instant now)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. Rules(ManagePolicy.CustomerRefusal(booking, page, session, now, reschedule: false), page)];
    }

    /// <summary>Moving <paramref name="session"/> to <paramref name="newStart"/> now.</summary>
    public static IReadOnlyList<string> ForMove(Booking booking, BookingPage page, BookingSession session, Instant newStart, Instant now)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. Rules(ManagePolicy.CustomerRefusal(booking, page, session, now, reschedule: true), page).Concat(Window(page, [newStart], now)).Distinct()];
    }

    /// <summary>Booking new sessions at <paramref name="starts"/> now.</summary>
    public static IReadOnlyList<string> ForNewBooking(BookingPage page, IEnumerable<Instant> starts, Instant now)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. Window(page, starts, now).Distinct()];
    }

    /// <summary>The history's line for an override: "Staff override: inside the minimum notice; past the cancel cutoff".</summary>
    public static string? Describe(IEnumerable<string> rules)
    {
        var list = rules.Distinct().ToList();
        return list.Count == 0 ? null : "Staff override: " + string.Join("; ", list);
    }

    private static IEnumerable<string> Rules(Refusal customerRefusal, BookingPage page)
    {
        if (!page.Manage.Enabled)
        {
            yield return "self-service is off on this page";
        }

        switch (customerRefusal)
        {
            case Refusal.CutoffPassed:
                yield return "past the page's cutoff";
                break;
            case Refusal.MaxReschedulesReached:
                yield return "past the page's reschedule limit";
                break;
        }
    }

    private static IEnumerable<string> Window(BookingPage page, IEnumerable<Instant> starts, Instant now)
    {
        foreach (var start in starts)
        {
            if (start < now + Duration.FromTimeSpan(page.MinimumNotice))
            {
                yield return "inside the page's minimum notice";
            }

            if (start > now + Duration.FromTimeSpan(page.BookingHorizon))
            {
                yield return "beyond the page's booking horizon";
            }
        }
    }
}

using NodaTime;
using NodaTime.Text;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>Paging through weeks of times, never before today.</summary>
public static class Weeks
{
    /// <summary>The week starting at <paramref name="requested"/> if it is after today, else starting today.</summary>
    public static LocalDate Start(LocalDate? requested, LocalDate today) => requested is { } date && date > today ? date : today;

    public static WeekNav Nav(LocalDate weekStart, LocalDate today, int days, Func<string, string> url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var previous = weekStart > today ? LocalDatePattern.Iso.Format(Max(today, weekStart.PlusDays(-days))) : null;
        var next = LocalDatePattern.Iso.Format(weekStart.PlusDays(days));
        return new WeekNav(
            $"{TimeDisplay.Day(weekStart)} \u2013 {TimeDisplay.Day(weekStart.PlusDays(days - 1))}",
            previous is null ? null : url(previous),
            url(next))
        {
            PreviousDate = previous,
            NextDate = next,
        };
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}

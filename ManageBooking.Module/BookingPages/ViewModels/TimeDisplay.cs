using System.Globalization;
using NodaTime;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>Dates and times as a person reads them, in their zone and the request's culture.</summary>
public static class TimeDisplay
{
    public static string Time(Instant instant, DateTimeZone zone)
        => instant.InZone(zone).ToDateTimeUnspecified().ToString("t", CultureInfo.CurrentCulture);

    /// <summary>"Mon Mar 9" in English, "lun. 9 mars" in French: the culture's own month-day order, abbreviated.</summary>
    public static string Day(LocalDate date)
    {
        var culture = CultureInfo.CurrentCulture;
        var value = date.ToDateTimeUnspecified();
        var monthDay = culture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal);
        return value.ToString("ddd ", culture) + value.ToString(monthDay, culture);
    }

    public static string LongDay(LocalDate date)
        => date.ToDateTimeUnspecified().ToString("D", CultureInfo.CurrentCulture);

    /// <summary>"Monday, November 23, 2026, 9:00 AM – 9:30 AM".</summary>
    public static string Range(Instant start, Instant end, DateTimeZone zone)
    {
        var from = start.InZone(zone);
        var to = end.InZone(zone);
        var day = LongDay(from.Date);
        var endText = from.Date == to.Date ? Time(end, zone) : $"{LongDay(to.Date)}, {Time(end, zone)}";
        return $"{day}, {Time(start, zone)} \u2013 {endText}";
    }

    /// <summary>"Monday, November 23, 2026, 9:00 AM".</summary>
    public static string At(DateTime utc, DateTimeZone zone)
    {
        var instant = Instant.FromDateTimeUtc(utc);
        return $"{LongDay(instant.InZone(zone).Date)}, {Time(instant, zone)}";
    }

    public static string Range(DateTime startUtc, DateTime endUtc, DateTimeZone zone)
        => Range(Instant.FromDateTimeUtc(startUtc), Instant.FromDateTimeUtc(endUtc), zone);
}

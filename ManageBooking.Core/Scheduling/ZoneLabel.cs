using System.Globalization;
using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>A time zone described for people: its place, its UTC offset at a moment, and whether that is daylight saving time.</summary>
public static class ZoneLabel
{
    /// <summary>For example "America/New York · UTC−04:00 · EDT, daylight saving time".</summary>
    /// <param name="daylightSavingTime">The words for daylight saving time in the reader's language.</param>
    public static string Describe(DateTimeZone zone, Instant at, string daylightSavingTime = "daylight saving time")
    {
        ArgumentNullException.ThrowIfNull(zone);
        var interval = zone.GetZoneInterval(at);
        var place = zone.Id.Replace('_', ' ');
        var offset = Offset(interval.WallOffset);
        var dst = interval.Savings != NodaTime.Offset.Zero;
        var abbreviation = string.IsNullOrEmpty(interval.Name) || interval.Name.StartsWith('+') || interval.Name.StartsWith('-')
            ? null
            : interval.Name;
        var suffix = (abbreviation, dst) switch
        {
            (null, true) => $" · {daylightSavingTime}",
            (null, false) => "",
            (_, true) => $" · {abbreviation}, {daylightSavingTime}",
            (_, false) => $" · {abbreviation}",
        };
        return zone.Id == "UTC" || zone.Id == "Etc/UTC" ? "UTC" : $"{place} · {offset}{suffix}";
    }

    /// <summary>UTC+01:00, UTC−04:00 (with a real minus sign), UTC±00:00.</summary>
    public static string Offset(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds > 0 ? "+" : seconds < 0 ? "\u2212" : "\u00b1";
        var abs = TimeSpan.FromSeconds(Math.Abs(seconds));
        return string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours:00}:{abs.Minutes:00}");
    }
}

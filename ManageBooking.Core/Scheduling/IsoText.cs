using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Scheduling;

/// <summary>How instants and durations are written in the API: ISO 8601, offsets always shown.</summary>
public static class IsoText
{
    private static readonly OffsetDateTimePattern WithOffset =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static string Format(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return WithOffset.Format(instant.InZone(zone).ToOffsetDateTime());
    }

    public static string Format(DateTime utc, DateTimeZone zone) => Format(Instant.FromDateTimeUtc(utc), zone);

    /// <summary>PT24H, PT1H30M, PT0S: hours are not folded into days, since a cutoff of a day means 24 hours, not a calendar day.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var hours = (long)duration.TotalHours;
        var text = "PT";
        text += hours != 0 ? hours.ToString(CultureInfo.InvariantCulture) + "H" : "";
        text += duration.Minutes != 0 ? duration.Minutes.ToString(CultureInfo.InvariantCulture) + "M" : "";
        text += duration.Seconds != 0 ? duration.Seconds.ToString(CultureInfo.InvariantCulture) + "S" : "";
        return text;
    }
}

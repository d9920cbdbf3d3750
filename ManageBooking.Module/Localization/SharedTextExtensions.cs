using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace ManageBooking.Localization;

/// <summary>Words the customer pages and emails compose the same way wherever they appear.</summary>
public static class SharedTextExtensions
{
    /// <summary>"America/New York · UTC−04:00 · EDT, daylight saving time", with the last words in the reader's language.</summary>
    public static string ZoneLabel(this IStringLocalizer<SharedText> text, DateTimeZone zone, Instant at)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Scheduling.ZoneLabel.Describe(zone, at, text["daylight saving time"]);
    }

    /// <summary>A language as its speakers name it: "English", "Français".</summary>
    public static string NativeName(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TextInfo.ToTitleCase(culture.NativeName);
    }
}

using NodaTime.TimeZones;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The zones offered in pickers: the canonical IANA zones with a location, and UTC.</summary>
public static class TimeZoneChoices
{
    public static IReadOnlyList<string> All { get; } =
        [.. TzdbDateTimeZoneSource.Default.ZoneLocations!.Select(l => l.ZoneId).Append("UTC").Distinct().Order(StringComparer.Ordinal)];
}

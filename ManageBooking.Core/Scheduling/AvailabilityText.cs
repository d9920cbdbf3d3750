using System.Globalization;
using ManageBooking.Models;

namespace ManageBooking.Scheduling;

/// <summary>
/// Availability as owners type it: "09:00-12:00, 13:00-17:00" for a day, and override lines such as
/// "2026-12-24 closed" or "2026-12-31 10:00-13:00".
/// </summary>
public static class AvailabilityText
{
    public static bool TryParseRanges(string? text, out List<TimeRange> ranges, out string? error)
    {
        ranges = [];
        error = null;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeOnly.TryParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !(TimeOnly.TryParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) || ends[1] == "24:00"))
            {
                error = $"\"{part}\" is not a time range like 09:00-17:00.";
                return false;
            }

            var endsAtMidnight = ends[1] is "24:00" or "00:00";
            if (!endsAtMidnight && end <= start)
            {
                error = $"\"{part}\" ends before it starts.";
                return false;
            }

            ranges.Add(new TimeRange(start, endsAtMidnight ? TimeOnly.MinValue : end));
        }

        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i - 1].End != TimeOnly.MinValue && ranges[i].Start < ranges[i - 1].End)
            {
                error = "Two of the ranges overlap.";
                return false;
            }
        }

        return true;
    }

    public static string FormatRanges(IEnumerable<TimeRange> ranges)
        => string.Join(", ", ranges.Select(r => $"{r.Start:HH\\:mm}-{(r.End == TimeOnly.MinValue ? "24:00" : r.End.ToString("HH:mm", CultureInfo.InvariantCulture))}"));

    public static bool TryParseOverrides(string? text, out List<DateOverride> overrides, out string? error)
    {
        overrides = [];
        error = null;
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var datePart = space < 0 ? line : line[..space];
            var rest = space < 0 ? "closed" : line[(space + 1)..].Trim();
            if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || NodaTime.LocalDate.FromDateOnly(date) < Bookings.InputRules.EarliestDate || NodaTime.LocalDate.FromDateOnly(date) > Bookings.InputRules.LatestDate)
            {
                error = $"\"{line}\" should start with a date like 2026-12-24, {Bookings.InputRules.DateRangeText}.";
                return false;
            }

            if (overrides.Any(o => o.Date == date))
            {
                error = $"{datePart} is listed twice.";
                return false;
            }

            if (rest.Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                overrides.Add(new DateOverride(date, []));
            }
            else if (TryParseRanges(rest, out var ranges, out var rangeError))
            {
                overrides.Add(new DateOverride(date, ranges));
            }
            else
            {
                error = $"{datePart}: {rangeError}";
                return false;
            }
        }

        return true;
    }

    public static string FormatOverrides(IEnumerable<DateOverride> overrides)
        => string.Join('\n', overrides.OrderBy(o => o.Date).Select(o => $"{o.Date:yyyy-MM-dd} {(o.Hours.Count == 0 ? "closed" : FormatRanges(o.Hours))}"));
}

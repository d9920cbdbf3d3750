using ManageBooking.Models;
using Microsoft.Extensions.Localization;

namespace ManageBooking.Localization;

/// <summary>
/// A page's self-service policy in plain words, as customers read it and the owner's preview shows it. Each sentence
/// is one resource with its numbers as arguments, so a translation may order the words as its language needs.
/// </summary>
public sealed class PolicyText(IStringLocalizer<SharedText> text)
{
    public string Cancel(ManageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.CancelCutoff == TimeSpan.Zero
            ? text["Bookings can be cancelled any time before they start."]
            : text["Bookings can be cancelled up to {0} before they start.", Duration(settings.CancelCutoff)];
    }

    public string Reschedule(ManageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MaxReschedules == 0)
        {
            return text["Bookings can't be rescheduled online."];
        }

        var anyTime = settings.RescheduleCutoff == TimeSpan.Zero;
        var cutoff = anyTime ? "" : Duration(settings.RescheduleCutoff);
        return (anyTime, settings.MaxReschedules) switch
        {
            (true, null) => text["Bookings can be rescheduled any time before they start."],
            (true, 1) => text["Bookings can be rescheduled once, any time before they start."],
            (true, var n) => text["Bookings can be rescheduled up to {0} times, any time before they start.", n],
            (false, null) => text["Bookings can be rescheduled up to {0} before they start.", cutoff],
            (false, 1) => text["Bookings can be rescheduled once, up to {0} before they start.", cutoff],
            (false, var n) => text["Bookings can be rescheduled up to {1} times, up to {0} before they start.", cutoff, n],
        };
    }

    /// <summary>"24 hours", "90 minutes", "2 days", "1 hour 30 minutes".</summary>
    public string Duration(TimeSpan duration)
    {
        if (duration.TotalDays >= 2 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return text["{0} days", (int)duration.TotalDays];
        }

        var hours = (int)duration.TotalHours;
        var minutes = duration.Minutes;
        var parts = new List<string>();
        if (hours > 0)
        {
            parts.Add(hours == 1 ? text["1 hour"] : text["{0} hours", hours]);
        }

        if (minutes > 0 || parts.Count == 0)
        {
            parts.Add(minutes == 1 ? text["1 minute"] : text["{0} minutes", minutes]);
        }

        return string.Join(' ', parts);
    }
}

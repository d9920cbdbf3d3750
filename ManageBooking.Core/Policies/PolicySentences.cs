namespace ManageBooking.Policies;

/// <summary>A page's policy in plain words, as the customer and the owner's preview read it.</summary>
public static class PolicySentences
{
    public static string Cancel(Models.ManageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.CancelCutoff == TimeSpan.Zero
            ? "Bookings can be cancelled any time before they start."
            : $"Bookings can be cancelled up to {Describe(settings.CancelCutoff)} before they start.";
    }

    public static string Reschedule(Models.ManageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var when = settings.RescheduleCutoff == TimeSpan.Zero
            ? "Bookings can be rescheduled any time before they start"
            : $"Bookings can be rescheduled up to {Describe(settings.RescheduleCutoff)} before they start";
        return settings.MaxReschedules switch
        {
            null => when + ".",
            0 => "Bookings can't be rescheduled online.",
            1 => when + ", once.",
            var n => when + $", up to {n} times.",
        };
    }

    /// <summary>"24 hours", "90 minutes", "2 days", "1 hour 30 minutes".</summary>
    public static string Describe(TimeSpan duration)
    {
        if (duration.TotalDays >= 2 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return $"{(int)duration.TotalDays} days";
        }

        var hours = (int)duration.TotalHours;
        var minutes = duration.Minutes;
        var parts = new List<string>();
        if (hours > 0)
        {
            parts.Add(hours == 1 ? "1 hour" : $"{hours} hours");
        }

        if (minutes > 0 || parts.Count == 0)
        {
            parts.Add(minutes == 1 ? "1 minute" : $"{minutes} minutes");
        }

        return string.Join(' ', parts);
    }
}

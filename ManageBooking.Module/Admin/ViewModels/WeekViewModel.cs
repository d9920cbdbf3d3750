namespace ManageBooking.Admin.ViewModels;

/// <summary>A week of one calendar: a day each, sessions in time order, in the calendar's zone.</summary>
public sealed record WeekViewModel(
    IReadOnlyList<(Guid Id, string Name)> Calendars,
    Guid CalendarId,
    string Title,
    string ZoneLabel,
    IReadOnlyList<WeekDay> Days,
    string PreviousUrl,
    string NextUrl)
{
    /// <summary>The week that holds today, when this is another week.</summary>
    public string? TodayUrl { get; init; }
}

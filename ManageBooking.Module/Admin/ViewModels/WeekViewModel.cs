namespace ManageBooking.Admin.ViewModels;

/// <summary>A week of one calendar as a grid: a column a day, sessions in time order, in the calendar's zone.</summary>
public sealed record WeekViewModel(
    IReadOnlyList<(Guid Id, string Name)> Calendars,
    Guid CalendarId,
    string ZoneLabel,
    IReadOnlyList<WeekDay> Days,
    string PreviousUrl,
    string NextUrl);

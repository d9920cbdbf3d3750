namespace ManageBooking.Admin.ViewModels;

/// <summary>One day of the week view: a column on a wide screen, a section of the list on a phone.</summary>
public sealed record WeekDay(string Label, bool IsToday, IReadOnlyList<WeekEntry> Entries);

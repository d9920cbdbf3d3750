namespace ManageBooking.Admin.ViewModels;

/// <summary>One column of the week grid.</summary>
public sealed record WeekDay(string Label, bool IsToday, IReadOnlyList<WeekEntry> Entries);

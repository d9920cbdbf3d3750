namespace ManageBooking.BookingPages.ViewModels;

/// <summary>Links to the previous and next week of times; no previous link for the current week.</summary>
public sealed record WeekNav(string Label, string? PreviousUrl, string NextUrl);

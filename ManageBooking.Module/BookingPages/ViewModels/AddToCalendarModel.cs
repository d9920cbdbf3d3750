namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The add-to-calendar block: the .ics download and each session's Google and Outlook links.</summary>
public sealed record AddToCalendarModel(string FileUrl, IReadOnlyList<CalendarLinksLine> Links, bool Open);

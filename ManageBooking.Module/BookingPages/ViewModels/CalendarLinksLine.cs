namespace ManageBooking.BookingPages.ViewModels;

/// <summary>One session's add-to-calendar links: Google Calendar and Outlook on the web.</summary>
public sealed record CalendarLinksLine(string When, string Google, string Outlook);

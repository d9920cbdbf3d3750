namespace ManageBooking.Calendars;

/// <summary>A calendar user: an address and a display name (the CN parameter).</summary>
public sealed record CalendarParty(string Email, string Name);

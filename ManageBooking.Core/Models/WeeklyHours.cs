namespace ManageBooking.Models;

/// <summary>A recurring window of availability on one day of the week, in the booking page's time zone.</summary>
public sealed record WeeklyHours(DayOfWeek Day, TimeOnly Start, TimeOnly End);

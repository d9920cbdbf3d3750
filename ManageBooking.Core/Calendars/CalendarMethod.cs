namespace ManageBooking.Calendars;

/// <summary>The iTIP method of a calendar attachment: add or update the entries, or remove them.</summary>
public enum CalendarMethod
{
    Request,
    Cancel,
}

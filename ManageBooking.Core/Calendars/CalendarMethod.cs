namespace ManageBooking.Calendars;

/// <summary>
/// The iTIP method of a calendar file: add or update the entries, remove them, or (a download, not an invitation) just
/// publish them for the reader's own calendar.
/// </summary>
public enum CalendarMethod
{
    Request,
    Cancel,
    Publish,
}

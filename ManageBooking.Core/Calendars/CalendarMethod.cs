namespace ManageBooking.Calendars;

/// <summary>The iTIP method of a calendar attachment (RFC 5546).</summary>
public enum CalendarMethod
{
    /// <summary>Add or update the entries in the attendee's calendar.</summary>
    Request,

    /// <summary>Remove the entries from the attendee's calendar.</summary>
    Cancel,

    /// <summary>For information: the entries as they stand, cancelled ones marked so, with nothing to answer.</summary>
    Publish,
}

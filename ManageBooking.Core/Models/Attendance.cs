namespace ManageBooking.Models;

/// <summary>Whether the customer came to a session that has taken place, as staff marked it.</summary>
public enum Attendance
{
    Attended = 1,
    NoShow = 2,
}

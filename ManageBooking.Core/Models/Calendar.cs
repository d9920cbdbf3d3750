namespace ManageBooking.Models;

/// <summary>An owner's calendar: sessions of every booking page on it share its seats and never overlap beyond them.</summary>
public sealed class Calendar
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    /// <summary>How many sessions may run at the same time.</summary>
    public int Seats { get; set; } = 1;

    /// <summary>
    /// Bumped as the first statement of every transaction that books on this calendar: the update takes SQLite's write
    /// lock or PostgreSQL's row lock, so two writers can never both pass the overlap check.
    /// </summary>
    public long WriteCount { get; set; }

    /// <summary>
    /// The longest time any session of this calendar has blocked (its length and buffers), in whole seconds rounded up.
    /// It only grows, in the transaction that adds the session (see ManageBookingDbContext), so a search for sessions that
    /// reach into a window can bound its index range from below instead of reading every session before the window.
    /// </summary>
    public long LongestBlockSeconds { get; set; }
}

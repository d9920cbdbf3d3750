namespace ManageBooking.Models;

/// <summary>One line of a booking's history: who did what, when, from which time to which, and why.</summary>
public sealed class BookingHistoryEntry
{
    public const int DetailMaxLength = 2000;

    // Time-ordered (UUIDv7), for the indexes, not as a time: a new row lands next to the last one in its key's index and
    // in every index led by this id, instead of on a random page of each, so a transaction of many writes touches few pages.
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BookingId { get; set; }

    public DateTime AtUtc { get; set; }

    public Actor Actor { get; set; }

    /// <summary>The staff member's name, or the customer's.</summary>
    public string? ActorName { get; set; }

    public HistoryAction Action { get; set; }

    public Guid? SessionId { get; set; }

    public DateTime? FromStartUtc { get; set; }

    public DateTime? ToStartUtc { get; set; }

    public string? Reason { get; set; }

    /// <summary>What changed, in words, when no time does (an answer corrected, a location set), or the page rules staff acted past.</summary>
    public string? Detail { get; set; }

    /// <summary>Every move of a reschedule that moved several sessions at once; empty for a single move (From and To say it).</summary>
    public List<SessionMove> Moves { get; set; } = [];

    /// <summary>True when staff acted past a cutoff the customer would have been held to.</summary>
    public bool OverrodePolicy { get; set; }
}

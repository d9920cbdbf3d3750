namespace ManageBooking.Models;

/// <summary>One line of a booking's history: who did what, when, from which time to which, and why.</summary>
public sealed class BookingHistoryEntry
{
    public const int DetailMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

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

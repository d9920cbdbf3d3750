namespace ManageBooking.Models;

/// <summary>One line of the admin's audit list: who changed what in the admin, and when (staff accounts, rules).</summary>
public sealed class AuditEntry
{
    public const int TextMaxLength = 300;

    // Time-ordered (UUIDv7), for the indexes, not as a time: a new row lands next to the last one in its key's index and
    // in every index led by this id, instead of on a random page of each, so a transaction of many writes touches few pages.
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTime AtUtc { get; set; }

    /// <summary>The signed-in person who acted, as they sign in (their email).</summary>
    public string Actor { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>What the change was made to: a staff member's email, a rule's name.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The change in words, when the action does not say it all: "Booking manager → Administrator".</summary>
    public string? Detail { get; set; }
}

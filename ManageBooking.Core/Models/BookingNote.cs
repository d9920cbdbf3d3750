namespace ManageBooking.Models;

/// <summary>
/// A staff member's internal note on a booking. Kept in a table of its own that no customer-facing page, email or API
/// answer reads (the booking has no navigation to it), so nothing that loads a booking for a customer can carry it.
/// </summary>
public sealed class BookingNote
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid BookingId { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Who wrote it, as they sign in.</summary>
    public string Author { get; set; } = "";

    public string Text { get; set; } = "";
}

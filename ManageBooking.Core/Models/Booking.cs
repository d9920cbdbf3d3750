namespace ManageBooking.Models;

/// <summary>A customer's booking of one or more sessions on a booking page.</summary>
public sealed class Booking
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int ReasonMaxLength = 1000;

    // Time-ordered (UUIDv7), for the indexes, not as a time: a new row lands next to the last one in its key's index and
    // in every index led by this id, instead of on a random page of each, so a transaction of many writes touches few pages.
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Short, human reference such as MB-7K3Q9P.</summary>
    public string Reference { get; set; } = "";

    public Guid BookingPageId { get; set; }

    public BookingPage? Page { get; set; }

    public Guid CalendarId { get; set; }

    public string CustomerName { get; set; } = "";

    public string CustomerEmail { get; set; } = "";

    public string CustomerTimeZoneId { get; set; } = "UTC";

    /// <summary>The language the customer booked in ("fr"), for their emails; null means the site's own.</summary>
    public string? Culture { get; set; }

    public BookingStatus Status { get; set; }

    public int RescheduleCount { get; set; }

    /// <summary>
    /// When staff asked the customer to pick a new time; cleared when the booking is rescheduled or cancelled. While set,
    /// the customer may reschedule whatever the page's toggle, cutoff and limit say.
    /// </summary>
    public DateTime? RescheduleRequestedUtc { get; set; }

    /// <summary>
    /// Signed into the manage link (see <see cref="Tokens.ManageToken"/>); raising it kills every earlier link. The link
    /// itself is derived, never stored.
    /// </summary>
    public int ManageLinkVersion { get; set; }

    /// <summary>
    /// SHA-256 (hex) of a link issued before links were signed: it keeps opening the booking until the link is
    /// regenerated. Null for every booking made since.
    /// </summary>
    public string? LegacyTokenHash { get; set; }

    /// <summary>Start of the earliest scheduled session, kept for sorting and the upcoming/past filters.</summary>
    public DateTime FirstStartUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Changes on every save so that a concurrent change is detected.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The answers to the page's questions, each with the label it was asked under.</summary>
    public List<BookingAnswer> Answers { get; set; } = [];

    /// <summary>This booking's own location (set by staff, or the number the host calls); null follows the page's.</summary>
    public BookingLocation? Location { get; set; }

    public List<BookingSession> Sessions { get; set; } = [];

    public List<BookingHistoryEntry> History { get; set; } = [];
}

namespace ManageBooking.Models;

/// <summary>
/// A page customers book from, with its availability, location, questions and self-service policy. In Orchard Core
/// terms a booking page is a content type, its <see cref="Questions"/> the type's fields, and each booking an item of it.
/// </summary>
public sealed class BookingPage
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public bool IsPublished { get; set; } = true;

    public Guid CalendarId { get; set; }

    public string OwnerName { get; set; } = "";

    public string OwnerEmail { get; set; } = "";

    public List<string> StakeholderEmails { get; set; } = [];

    /// <summary>IANA id of the zone the weekly hours are read in.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public TimeSpan SessionLength { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The step between offered start times.</summary>
    public TimeSpan SlotInterval { get; set; } = TimeSpan.FromMinutes(30);

    public List<WeeklyHours> WeeklyHours { get; set; } = [];

    public List<DateOverride> DateOverrides { get; set; } = [];

    /// <summary>Time kept free before each session.</summary>
    public TimeSpan BufferBefore { get; set; }

    /// <summary>Time kept free after each session.</summary>
    public TimeSpan BufferAfter { get; set; }

    /// <summary>How far ahead of now the earliest start must be.</summary>
    public TimeSpan MinimumNotice { get; set; }

    /// <summary>How far ahead of now the latest start may be.</summary>
    public TimeSpan BookingHorizon { get; set; } = TimeSpan.FromDays(60);

    /// <summary>1 for a single session; more makes the page sell packages of that many sessions.</summary>
    public int SessionsPerBooking { get; set; } = 1;

    public ApprovalMode ApprovalMode { get; set; } = ApprovalMode.Automatic;

    public ManageSettings Manage { get; set; } = new();

    /// <summary>Where sessions take place; null when the page does not say.</summary>
    public BookingLocation? Location { get; set; }

    /// <summary>The owner's own questions, in the order they are asked: the fields of this content type.</summary>
    public List<QuestionField> Questions { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Changes on every save so that a second concurrent edit is detected.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

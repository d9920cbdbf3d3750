using System.ComponentModel.DataAnnotations;
using ManageBooking.Models;

namespace ManageBooking.Admin.ViewModels;

/// <summary>The booking page editor, the Reschedule &amp; Cancel settings in their own section.</summary>
public sealed class BookingPageForm
{
    [Required(ErrorMessage = "Give the page a title.")]
    [StringLength(BookingPage.TitleMaxLength, ErrorMessage = "At most 200 characters.")]
    public string? Title { get; set; }

    [StringLength(4000, ErrorMessage = "At most 4,000 characters.")]
    public string? Description { get; set; }

    public bool IsPublished { get; set; }

    [Required(ErrorMessage = "Enter the owner's name.")]
    [StringLength(Booking.NameMaxLength)]
    public string? OwnerName { get; set; }

    [Required(ErrorMessage = "Enter the owner's email.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    public string? OwnerEmail { get; set; }

    /// <summary>Extra people to notify, one address per line or separated by commas.</summary>
    public string? Stakeholders { get; set; }

    [Required(ErrorMessage = "Choose a time zone.")]
    public string? TimeZoneId { get; set; }

    [Range(5, 480, ErrorMessage = "Between 5 and 480 minutes.")]
    public int SessionMinutes { get; set; }

    [Range(5, 480, ErrorMessage = "Between 5 and 480 minutes.")]
    public int SlotIntervalMinutes { get; set; }

    [Range(0, 240, ErrorMessage = "Between 0 and 240 minutes.")]
    public int BufferBeforeMinutes { get; set; }

    [Range(0, 240, ErrorMessage = "Between 0 and 240 minutes.")]
    public int BufferAfterMinutes { get; set; }

    // The bounds of a double property are doubles: Range(0, 720) would convert the value to an int first, and "1e308"
    // or "NaN" would then throw instead of being refused.
    [Range(0d, 720d, ErrorMessage = "Between 0 and 720 hours.")]
    public double MinimumNoticeHours { get; set; }

    [Range(1, 730, ErrorMessage = "Between 1 and 730 days.")]
    public int HorizonDays { get; set; }

    [Range(1, 20, ErrorMessage = "Between 1 and 20 sessions.")]
    public int SessionsPerBooking { get; set; }

    public ApprovalMode ApprovalMode { get; set; }

    /// <summary>The Reschedule &amp; Cancel toggle.</summary>
    public bool ManageEnabled { get; set; }

    [Range(0d, 720d, ErrorMessage = "Between 0 and 720 hours (0 means any time before the start).")]
    public double CancelCutoffHours { get; set; }

    [Range(0d, 720d, ErrorMessage = "Between 0 and 720 hours (0 means any time before the start).")]
    public double RescheduleCutoffHours { get; set; }

    public ReasonRule CancelReason { get; set; }

    public ReasonRule RescheduleReason { get; set; }

    [Range(0, 100, ErrorMessage = "Between 0 and 100, or empty for no limit.")]
    public int? MaxReschedules { get; set; }

    [StringLength(2000, ErrorMessage = "At most 2,000 characters.")]
    public string? PolicyText { get; set; }

    public Guid Version { get; set; }

    /// <summary>Where sessions take place; none says nothing.</summary>
    public LocationKind? LocationKind { get; set; }

    /// <summary>The address, phone number, video URL or text, as the kind asks.</summary>
    public string? LocationValue { get; set; }

    public PhoneCaller LocationCaller { get; set; }

    /// <summary>How customers reach the owner when they cannot change a booking online; empty shows the owner's name and email.</summary>
    [StringLength(1000, ErrorMessage = "At most 1,000 characters.")]
    public string? ContactText { get; set; }

    /// <summary>The page's questions as edited, blank rows for new ones included.</summary>
    public List<QuestionForm> Questions { get; set; } = [];

    /// <summary>
    /// The questions to keep, in the order set, each with the editor row it came from (to report a problem beside it);
    /// removed and blank rows are left out.
    /// </summary>
    public IReadOnlyList<(int Row, QuestionField Field)> KeptQuestions()
        => [.. Questions
            .Select((q, row) => (Row: row, Form: q))
            .Where(r => !r.Form.Remove && !r.Form.IsBlank)
            .OrderBy(r => r.Form.Order ?? int.MaxValue)
            .ThenBy(r => r.Row)
            .Select(r => (r.Row, r.Form.ToField()))];

    /// <summary>Opening hours Monday to Sunday, such as "09:00-12:00, 13:00-17:00"; empty is closed.</summary>
    public List<string?> Hours { get; set; } = [.. Enumerable.Repeat<string?>(null, 7)];

    /// <summary>One date a line: "2026-12-24 closed" or "2026-12-31 10:00-13:00".</summary>
    public string? Overrides { get; set; }

    /// <summary>Only when creating: the address /book/{slug}.</summary>
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Lower-case letters, digits and single hyphens, such as intro-call.")]
    [StringLength(BookingPage.SlugMaxLength)]
    public string? Slug { get; set; }

    /// <summary>Only when creating: the calendar its sessions go on (they never overlap others on it).</summary>
    public Guid? CalendarId { get; set; }

    /// <summary>The ISO order of the week, Monday first.</summary>
    public static IReadOnlyList<DayOfWeek> Days { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}

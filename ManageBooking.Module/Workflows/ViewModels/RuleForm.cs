using System.ComponentModel.DataAnnotations;
using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>A notification rule as the editor posts it, with the draft change a button asked for (if any).</summary>
public sealed class RuleForm
{
    [Required(ErrorMessage = "Name the rule.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>Chosen when the rule is created; fixed afterwards (messages already queued tell of it).</summary>
    public BookingEvent Event { get; set; } = BookingEvent.Confirmed;

    public bool Enabled { get; set; }

    public Guid? BookingPageId { get; set; }

    [Range(1, 720, ErrorMessage = "Between 1 and 720 hours.")]
    public int ReminderHours { get; set; } = 24;

    public List<TaskForm> Tasks { get; set; } = [];

    /// <summary>The rule's version when the editor was opened: a save over someone else's is refused.</summary>
    public Guid Version { get; set; }

    /// <summary>
    /// A change to the draft rather than a save: "add" (a task of <see cref="NewTask"/>), or "up", "down" or "remove"
    /// followed by ":" and the task's id. The editor shows the changed form; nothing is stored until Save.
    /// </summary>
    public string? Command { get; set; }

    /// <summary>What "add" adds.</summary>
    public NewTaskKind NewTask { get; set; }

    /// <summary>The task the preview shows (by its id).</summary>
    public Guid? PreviewTask { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>A notification rule as the editor posts it.</summary>
public sealed class RuleForm
{
    [Required(ErrorMessage = "Name the rule.")]
    [StringLength(200)]
    public string? Name { get; set; }

    public bool Enabled { get; set; }

    public Guid? BookingPageId { get; set; }

    [Range(1, 720, ErrorMessage = "Between 1 and 720 hours.")]
    public int ReminderHours { get; set; } = 24;

    public List<TaskForm> Tasks { get; set; } = [];
}

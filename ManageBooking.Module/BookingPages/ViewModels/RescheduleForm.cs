namespace ManageBooking.BookingPages.ViewModels;

/// <summary>What the reschedule confirmation posts.</summary>
public sealed class RescheduleForm
{
    public Guid? SessionId { get; set; }

    public string? Start { get; set; }

    public string? Reason { get; set; }

    public Guid? Version { get; set; }

    public string? Tz { get; set; }
}

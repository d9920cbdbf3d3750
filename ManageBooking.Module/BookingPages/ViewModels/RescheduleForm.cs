namespace ManageBooking.BookingPages.ViewModels;

/// <summary>What the reschedule summary posts: the sessions and their new starts, in pairs, once for the whole change.</summary>
public sealed class RescheduleForm
{
    public List<Guid> SessionIds { get; set; } = [];

    public List<string> Starts { get; set; } = [];

    public string? Reason { get; set; }

    public Guid? Version { get; set; }

    public string? Tz { get; set; }
}

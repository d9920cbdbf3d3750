namespace ManageBooking.BookingPages.ViewModels;

/// <summary>What the cancel form posts.</summary>
public sealed class CancelForm
{
    public List<Guid> SessionIds { get; set; } = [];

    public string? Reason { get; set; }

    public Guid? Version { get; set; }

    public string? Tz { get; set; }
}

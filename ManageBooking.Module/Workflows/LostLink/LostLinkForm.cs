namespace ManageBooking.Workflows.LostLink;

/// <summary>What the "Lost your link?" form posts.</summary>
public sealed class LostLinkForm
{
    public string? Email { get; set; }
}

namespace ManageBooking.Workflows.LostLink;

/// <summary>ManageBooking:LostLink: how often the "Lost your link?" page may be used.</summary>
public sealed class LostLinkOptions
{
    public const string SectionName = "ManageBooking:LostLink";

    /// <summary>Requests one client address may make per hour, whatever addresses it asks for.</summary>
    public int RequestsPerClientPerHour { get; set; } = 10;

    /// <summary>Requests for one email address per hour, from anywhere: a mailbox is never flooded.</summary>
    public int RequestsPerAddressPerHour { get; set; } = 3;
}

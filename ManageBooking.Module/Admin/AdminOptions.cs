namespace ManageBooking.Admin;

/// <summary>ManageBooking:Admin: creates the first administrator without the setup screen (tests, automated installs).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "ManageBooking:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}

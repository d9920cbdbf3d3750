namespace ManageBooking.Workflows.Email;

/// <summary>ManageBooking:Email. With no SMTP host, mail goes to .eml files in the pickup directory.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "ManageBooking:Email";

    /// <summary>Relative paths are resolved against the site's content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();
}

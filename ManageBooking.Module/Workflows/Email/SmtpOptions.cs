namespace ManageBooking.Workflows.Email;

/// <summary>ManageBooking:Email:Smtp. Setting Host switches sending from the pickup directory to SMTP.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS before authenticating.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>The sender address; also the ORGANIZER of calendar attachments.</summary>
    public string From { get; set; } = "bookings@localhost";

    public string FromName { get; set; } = "Bookings";
}

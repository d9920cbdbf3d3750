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

    /// <summary>
    /// How long one send may wait for the server before it counts as a failed attempt. The outbox's lease is renewed
    /// meanwhile, so a slow server delays that message only; 1 to 3600.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;
}

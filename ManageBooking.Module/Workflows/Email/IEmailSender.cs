namespace ManageBooking.Workflows.Email;

/// <summary>The one way email leaves the module; SMTP and the pickup directory sit behind it.</summary>
public interface IEmailSender
{
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

using System.Net;
using System.Net.Mail;
using ManageBooking.Options;
using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.Email;

/// <summary>Sends through an SMTP server (STARTTLS and authentication from configuration).</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        try
        {
            using var mail = MailMessageFactory.Create(message, smtp);
            using var client = new SmtpClient(smtp.Host, smtp.Port)
            {
                EnableSsl = smtp.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds,
            };
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
            }

            await client.SendMailAsync(mail, cancellationToken);
            return SendResult.Ok;
        }
        catch (Exception exception) when (exception is SmtpException or InvalidOperationException or IOException or System.Security.Authentication.AuthenticationException)
        {
            return SendResult.Fail($"{exception.GetType().Name}: {exception.Message}");
        }
    }
}

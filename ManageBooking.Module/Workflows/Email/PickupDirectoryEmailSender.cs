using System.Net.Mail;
using ManageBooking.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.Email;

/// <summary>Writes each email as an .eml file: the default when no SMTP host is configured, so a fresh site loses nothing.</summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public string Directory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using var mail = MailMessageFactory.Create(message, options.Value.Smtp);
            using var client = new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Directory,
            };
            await client.SendMailAsync(mail, cancellationToken);
            return SendResult.Ok;
        }
        catch (Exception exception) when (exception is SmtpException or IOException or UnauthorizedAccessException)
        {
            return SendResult.Fail($"{exception.GetType().Name}: {exception.Message}");
        }
    }
}

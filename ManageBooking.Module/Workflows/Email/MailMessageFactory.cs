using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using ManageBooking.Options;

namespace ManageBooking.Workflows.Email;

/// <summary>Builds the MIME message: plain text and HTML alternatives, and the .ics whose method matches METHOD.</summary>
internal static class MailMessageFactory
{
    public static MailMessage Create(EmailMessage message, SmtpOptions smtp)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(smtp.From, smtp.FromName),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To, DisplayName(message.ToName)));
        mail.Headers.Add("Message-ID", message.MessageId);
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Text, Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Html, Encoding.UTF8, MediaTypeNames.Text.Html));
        if (message.Calendar is not null)
        {
            var type = new ContentType("text/calendar") { CharSet = "utf-8", Name = "invite.ics" };
            type.Parameters.Add("method", message.CalendarMethod ?? "REQUEST");
            var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(message.Calendar)), type)
            {
                TransferEncoding = TransferEncoding.Base64,
            };
            mail.Attachments.Add(attachment);
        }

        return mail;
    }

    /// <summary>A name as a header can hold it: a customer's name with a line break must not make their email unsendable.</summary>
    private static string DisplayName(string name) => string.Concat(name.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}

using System.Security.Cryptography;
using ManageBooking.Models.Outbox;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Notifications;
using ManageBooking.Workflows.Webhooks;

namespace ManageBooking.Workflows.Outbox;

/// <summary>
/// Sends a message that was rendered when it was queued, as it is: rows queued before messages were rendered at send
/// time (an upgrade loses none of them), and test sends from the rule editor.
/// </summary>
public sealed class RenderedPayloadDelivery(OutboxPayloadProtector protector, IEmailSender email, WebhookSender webhooks)
{
    public async Task<TaskOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        OutboxPayload payload;
        try
        {
            payload = protector.Unprotect(message.Payload);
        }
        catch (CryptographicException exception)
        {
            return TaskOutcome.Failed("The payload cannot be decrypted (Data Protection keys missing): " + exception.Message);
        }

        var result = payload switch
        {
            { Email: { } mail } => await email.SendAsync(mail, cancellationToken),
            { Webhook: { } call } => await webhooks.SendAsync(call.Url, call.Body, call.Secret, message.Id, cancellationToken),
            _ => SendResult.Fail("The message has nothing to deliver."),
        };
        return result.Succeeded ? TaskOutcome.Done : TaskOutcome.Failed(result.Error ?? "Not delivered.");
    }
}

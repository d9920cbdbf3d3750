using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Workflows.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Sends what a rule's email tasks would send, rendered now for the sample booking (never a real customer's booking,
/// link or calendar entry), to an address the admin gives, through the outbox like any other message.
/// </summary>
public sealed class RuleTestSender(ManageBookingDbContext db, NotificationRenderer renderer, OutboxPayloadProtector protector, TimeProvider clock)
{
    public async Task<Outcome<int>> SendAsync(Guid ruleId, string address, CancellationToken cancellationToken)
    {
        if (!InputRules.IsEmail(address))
        {
            return BookingFailure.Invalid(FieldKey.Address, "Enter an email address to send the test to.");
        }

        var rule = await db.NotificationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return BookingFailure.NotFound("There is no such rule.");
        }

        var sample = NotificationSample.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var (taskId, task) in rule.IdentifiedTasks().Where(t => t.Task.Kind == NotificationTaskKind.SendEmail))
        {
            // Rendered as the customer's email when the task is the customer's, so the test shows the links too.
            var id = Guid.NewGuid();
            var render = sample.For(rule.Event, task, new DeliveryTarget(address, task.IsForCustomer)) with { MessageId = id };
            string payload;
            string summary;
            try
            {
                var mail = await renderer.RenderEmailAsync(render, cancellationToken);
                mail = mail with { To = address, ToName = address };
                payload = protector.Protect(new OutboxPayload(mail, null));
                summary = $"{address} · (test) {mail.Subject}";
            }
            catch (Exception exception) when (exception is HandlebarsDotNet.HandlebarsException or InvalidOperationException)
            {
                return BookingFailure.Refused("The template cannot be rendered.", exception.Message);
            }

            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = id,
                Kind = OutboxKind.Email,
                RuleId = rule.Id,
                TaskId = taskId,
                Event = rule.Event,
                Recipient = address,
                Summary = summary.Length > 300 ? summary[..300] : summary,
                Payload = payload,
                CreatedUtc = now,
                DueUtc = now,
            });
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Success(added);
    }
}

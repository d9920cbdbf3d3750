using ManageBooking.Data;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.Outbox;

/// <summary>
/// Sends due outbox messages. Each message is claimed with a conditional update (a lease) before it is sent, so
/// dispatchers on several nodes never send one message at the same time; a failure waits with exponential back-off
/// (1, 2, 4 … 60 minutes) and after the last attempt the message is marked Failed for the admin. SMTP down means late.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailSender email,
    IHttpClientFactory httpClients,
    OutboxPayloadProtector protector,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Sends what is due now; returns how many messages it attempted.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.DueUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.DueUtc)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(db, id, now, cancellationToken))
            {
                await DeliverAsync(db, id, cancellationToken);
                attempted++;
            }
        }

        return attempted;
    }

    /// <summary>One UPDATE … WHERE still unclaimed: exactly one dispatcher sees it affect the row.</summary>
    private async Task<bool> ClaimAsync(ManageBookingDbContext db, Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var leaseUntil = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntilUtc, leaseUntil).SetProperty(m => m.LeaseOwner, _owner), cancellationToken);
        return claimed == 1;
    }

    private async Task DeliverAsync(ManageBookingDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, cancellationToken);
        var result = await SendAsync(message, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        message.LastAttemptUtc = now;
        message.LeaseUntilUtc = null;
        message.LeaseOwner = null;
        if (result.Succeeded)
        {
            message.Status = OutboxStatus.Sent;
            message.SentUtc = now;
            message.LastError = null;
        }
        else
        {
            message.LastError = result.Error is { Length: > 2000 } error ? error[..2000] : result.Error;
            if (message.Attempts >= options.Value.MaxAttempts)
            {
                message.Status = OutboxStatus.Failed;
                LogGaveUp(message.Id, message.Attempts, result.Error);
            }
            else
            {
                message.DueUtc = now + Backoff(message.Attempts);
                LogRetry(message.Id, message.Attempts, message.DueUtc, result.Error);
            }
        }

        db.OutboxAttempts.Add(new OutboxAttempt { MessageId = message.Id, AtUtc = now, Succeeded = result.Succeeded, Error = message.LastError });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        OutboxPayload payload;
        try
        {
            payload = protector.Unprotect(message.Payload);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            return SendResult.Fail("The payload cannot be decrypted (Data Protection keys missing): " + exception.Message);
        }

        if (payload.Email is { } mail)
        {
            return await email.SendAsync(mail, cancellationToken);
        }

        if (payload.Webhook is { } call)
        {
            var sender = new WebhookSender(httpClients.CreateClient(WebhookSender.HttpClientName));
            return await sender.SendAsync(call.Url, call.Body, call.Secret, message.Id, cancellationToken);
        }

        return SendResult.Fail("The message has nothing to deliver.");
    }

    /// <summary>1, 2, 4, 8 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed attempt {Attempts}; next try at {DueUtc}: {Error}")]
    private partial void LogRetry(Guid messageId, int attempts, DateTime dueUtc, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} failed {Attempts} times and is marked failed: {Error}")]
    private partial void LogGaveUp(Guid messageId, int attempts, string? error);
}

using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ManageBooking.Workflows.Outbox;

/// <summary>
/// Keeps a claimed message's lease alive while it is being sent: every third of the lease it is pushed a lease further,
/// if this dispatcher still holds it. Leases can therefore be seconds long, and a node that dies mid-send lets another
/// take its message over seconds later, while a slow SMTP server never makes two nodes send the same message.
/// </summary>
internal sealed partial class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseRenewal(IServiceScopeFactory scopes, Guid messageId, string owner, int leaseSeconds, TimeProvider clock, ILogger logger)
    {
        _loop = RenewAsync(scopes, messageId, owner, Math.Max(1, leaseSeconds), clock, logger, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static async Task RenewAsync(IServiceScopeFactory scopes, Guid messageId, string owner, int leaseSeconds, TimeProvider clock, ILogger logger, CancellationToken stop)
    {
        // Renewal runs on real time: a lease is about how long a send really takes, whatever clock the site reads.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(leaseSeconds / 3.0));
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
                var until = clock.GetUtcNow().UtcDateTime.AddSeconds(leaseSeconds);
                await using var transaction = await scope.ServiceProvider.GetRequiredService<SqliteWriteGate>().BeginTransactionAsync(db.Database, stop);
                var renewed = await db.OutboxMessages
                    .Where(m => m.Id == messageId && m.LeaseOwner == owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntilUtc, until), stop);
                await transaction.CommitAsync(stop);
                if (renewed == 0)
                {
                    LogLeaseLost(logger, messageId);
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; the lease still has two thirds of its time.
                LogRenewalFailed(logger, messageId, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: its lease was taken over while it was being sent")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: renewing its lease failed")]
    private static partial void LogRenewalFailed(ILogger logger, Guid messageId, Exception exception);
}

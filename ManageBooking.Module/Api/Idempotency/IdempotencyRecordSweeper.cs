using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ManageBooking.Api.Idempotency;

/// <summary>
/// Deletes expired Idempotency-Key answers every hour. Look-ups already ignore them; this keeps the table small. Every
/// node may sweep: deleting what another node deleted is harmless.
/// </summary>
internal sealed partial class IdempotencyRecordSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyRecordSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = clock.GetUtcNow().UtcDateTime;
                await scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>().Set<IdempotencyRecord>()
                    .Where(r => r.ExpiresUtc <= now).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired Idempotency-Key answers failed; the next sweep tries again")]
    private partial void LogSweepFailed(Exception exception);
}

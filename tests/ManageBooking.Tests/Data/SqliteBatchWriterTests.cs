using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Data;

/// <summary>
/// On SQLite, new bookings queued while another write holds the writer's turn are written together, in one transaction,
/// each in a savepoint of its own: each request still gets its own answer, and one that throws or refuses leaves nothing
/// while the others are kept.
/// </summary>
public sealed class SqliteBatchWriterTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task WritesQueuedTogether_ShareOneTransaction_AndEachIsKeptOrUndoneAlone()
    {
        var writer = App.Services.GetRequiredService<SqliteBatchWriter>();
        var gate = App.Services.GetRequiredService<SqliteWriteGate>();
        var kept = Calendar("kept");
        var throws = Calendar("throws");
        var refused = Calendar("refused");
        var keptToo = Calendar("kept too");
        var transactions = new List<Guid>();

        Task<bool> Write(Calendar calendar, Func<bool> outcome) => writer.WriteAsync(
            async (db, cancellationToken) =>
            {
                transactions.Add(db.Database.CurrentTransaction!.TransactionId);
                db.Calendars.Add(calendar);
                await db.SaveChangesAsync(cancellationToken);
                return outcome();
            },
            CancellationToken.None);

        // Another write holds the turn: the four queue behind it, and the writer takes them all in its next transaction.
        Task<bool>[] answers;
        await using (var scope = App.CreateScope())
        {
            var other = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
            await using var holding = await gate.BeginTransactionAsync(other.Database, CancellationToken.None);
            answers =
            [
                Write(kept, () => true),
                Write(throws, () => throw new InvalidOperationException("This write fails after saving.")),
                Write(refused, () => false),
                Write(keptToo, () => true),
            ];
            Assert.DoesNotContain(answers, a => a.IsCompleted);
            await holding.CommitAsync();
        }

        Assert.True(await answers[0].WaitAsync(HeldLogSync.Deadline));
        await Assert.ThrowsAsync<InvalidOperationException>(() => answers[1].WaitAsync(HeldLogSync.Deadline));
        Assert.False(await answers[2].WaitAsync(HeldLogSync.Deadline));
        Assert.True(await answers[3].WaitAsync(HeldLogSync.Deadline));

        Assert.Equal(4, transactions.Count);
        Assert.Single(transactions.Distinct());
        var saved = await App.QueryAsync(db => db.Calendars.Where(c => c.Name.StartsWith("Batch ")).Select(c => c.Name).ToListAsync());
        Assert.Equal(["Batch kept", "Batch kept too"], saved.Order());
    }

    [Fact]
    public async Task AWriteWhoseRequestWasCancelledBeforeItsTurn_IsNotRun()
    {
        var writer = App.Services.GetRequiredService<SqliteBatchWriter>();
        var gate = App.Services.GetRequiredService<SqliteWriteGate>();
        using var cancelled = new CancellationTokenSource();
        var ran = false;

        Task<bool> answer;
        await using (var scope = App.CreateScope())
        {
            var other = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();
            await using var holding = await gate.BeginTransactionAsync(other.Database, CancellationToken.None);
            answer = writer.WriteAsync((_, _) => Task.FromResult(ran = true), cancelled.Token);
            await cancelled.CancelAsync();
            await holding.CommitAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer.WaitAsync(HeldLogSync.Deadline));
        Assert.False(ran);
    }

    private static Calendar Calendar(string name) => new() { Name = $"Batch {name}", Seats = 1 };
}

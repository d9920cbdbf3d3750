using ManageBooking.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ManageBooking.BookingPages.Services;

/// <summary>
/// Serialises writers of one calendar in the database itself, so the guarantee holds across processes and web nodes.
/// The transaction's first statement updates the calendar's row: on SQLite that takes the single write lock (and the
/// transaction is IMMEDIATE anyway), on PostgreSQL it takes the row lock until commit, and under READ COMMITTED every
/// later statement sees what the previous holder committed.
/// </summary>
public sealed class CalendarLock(ManageBookingDbContext db, SqliteWriteGate writeGate)
{
    /// <summary>
    /// Begins a transaction holding the calendar; dispose without commit to release it unchanged. Inside a transaction
    /// the caller's caller began (an Idempotency-Key request stores its answer in the same one), it takes the lock in
    /// that one, and committing is left to its owner.
    /// </summary>
    public async Task<IDbContextTransaction> AcquireAsync(Guid calendarId, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction is { } outer
            ? new JoinedTransaction(outer)
            : await writeGate.BeginTransactionAsync(db.Database, cancellationToken);
        try
        {
            await HoldAsync(db, calendarId, cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes the calendar's lock in the transaction <paramref name="context"/> is in (a batched write's).</summary>
    internal static async Task HoldAsync(ManageBookingDbContext context, Guid calendarId, CancellationToken cancellationToken)
    {
        // Plain SQL: EF's ExecuteUpdate plans its expression tree on every call, inside the lock of every booking.
        var touched = await context.Database.ExecuteSqlAsync(
            $"""UPDATE "Calendars" SET "WriteCount" = "WriteCount" + 1 WHERE "Id" = {calendarId}""", cancellationToken);
        if (touched != 1)
        {
            throw new InvalidOperationException($"Calendar {calendarId} does not exist.");
        }
    }
}

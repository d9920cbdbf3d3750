using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Bookings;

/// <summary>
/// A booking is built, and its notifications planned, before its calendar is held; one refused there must leave nothing
/// in its context that a later save of the same request would write.
/// </summary>
public sealed class RefusedBookingTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private const string Meeting = "30-minute-meeting";
    private const string Start = "2026-03-03T10:00:00-05:00";

    [Fact]
    public async Task ABookingRefusedForATakenTime_LeavesNothingForTheNextSaveOfItsContext()
    {
        await BookWithTokenAsync(Meeting, Start);
        var outboxBefore = await App.QueryAsync(db => db.OutboxMessages.CountAsync());
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ManageBookingDbContext>();

        var outcome = await scope.ServiceProvider.GetRequiredService<BookingService>().CreateAsync(
            Meeting, new NewBookingInput("Grace Hopper", "grace@example.com", "Europe/London", [Start]), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureKind.Conflict, outcome.Failure.Kind);
        Assert.Empty(db.ChangeTracker.Entries());
        await db.SaveChangesAsync();
        Assert.Equal(1, await App.QueryAsync(d => d.Bookings.CountAsync()));
        Assert.Equal(1, await App.QueryAsync(d => d.BookingSessions.CountAsync()));
        Assert.Equal(outboxBefore, await App.QueryAsync(d => d.OutboxMessages.CountAsync()));
    }
}

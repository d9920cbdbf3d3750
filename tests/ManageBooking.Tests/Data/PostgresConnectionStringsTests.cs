using ManageBooking.Data;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ManageBooking.Tests.Data;

/// <summary>The site prepares the statements it repeats on PostgreSQL, unless its connection string says how many itself.</summary>
public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void AStringThatSaysNothing_GetsAutomaticPreparation()
        => Assert.Equal(PostgresConnectionStrings.AutoPrepared, MaxAutoPrepare("Host=db;Database=bookings"));

    [Theory]
    [InlineData("Host=db;Database=bookings;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=bookings;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Database=bookings;max auto prepare=3", 3)]
    public void AStringThatNamesTheSetting_KeepsIt(string connectionString, int expected)
        => Assert.Equal(expected, MaxAutoPrepare(connectionString));

    [Fact]
    public async Task TheSitesContexts_UseIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var app = new ManageBookingApp(database, new FakeClock());
        var used = await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));

        Assert.Equal(PostgresConnectionStrings.AutoPrepared, new NpgsqlConnectionStringBuilder(used).MaxAutoPrepare);
    }

    private static int MaxAutoPrepare(string connectionString)
        => new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Resolve(connectionString)).MaxAutoPrepare;
}

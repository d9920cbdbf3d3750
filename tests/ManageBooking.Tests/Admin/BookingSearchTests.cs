using System.Net.Http.Json;
using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Admin;

/// <summary>The admin's search by a fragment of a name or address, through the trigram index on each provider.</summary>
public abstract class BookingSearchTests(DatabaseProvider provider) : AppTestBase(provider)
{
    [Theory]
    [InlineData("ovela", "Ada Lovelace")]
    [InlineData("LOVE", "Ada Lovelace")]
    [InlineData("hopper@nav", "Grace Hopper")]
    [InlineData("Gr", "Grace Hopper")] // shorter than a trigram: the LIKE path
    [InlineData("née", "Renée Dupré")]
    [InlineData("50%", "Deal 50% Off")]
    [InlineData("%", "Deal 50% Off")] // a wildcard is taken literally, not as "everything"
    public async Task AFragment_FindsTheBookingsWhoseNameOrEmailHoldsIt(string fragment, string expected)
    {
        await SeedAsync();

        var names = await SearchAsync(fragment);

        Assert.Equal([expected], names);
    }

    [Theory]
    [InlineData("_")]
    [InlineData("\"")]
    [InlineData("\" OR \"")]
    [InlineData("zzz")]
    public async Task WildcardsQuotesAndMisses_FindNothingAndBreakNothing(string fragment)
    {
        await SeedAsync();

        Assert.Empty(await SearchAsync(fragment));
    }

    [Fact]
    public async Task TheIndex_FollowsAChangedName()
    {
        await SeedAsync();
        await App.ArrangeAsync(async db =>
        {
            var booking = await db.Bookings.SingleAsync(b => b.CustomerName == "Ada Lovelace");
            booking.CustomerName = "Ada King";
        });

        Assert.Empty(await SearchAsync("ovela"));
        Assert.Equal(["Ada King"], await SearchAsync("a kin"));
    }

    protected async Task SeedAsync()
    {
        var starts = await FreeStartsAsync("30-minute-meeting", "2026-03-04");
        var people = new[] { ("Ada Lovelace", "ada@example.com"), ("Grace Hopper", "grace.hopper@navy.example"), ("Renée Dupré", "renee@example.fr"), ("Deal 50% Off", "deals@example.com") };
        for (var i = 0; i < people.Length; i++)
        {
            using var response = await Client.PostAsJsonAsync(
                new Uri("/api/booking-pages/30-minute-meeting/bookings", UriKind.Relative),
                new { name = people[i].Item1, email = people[i].Item2, timeZone = "Europe/Paris", starts = new[] { starts[i] } },
                Json);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }
    }

    private async Task<List<string>> SearchAsync(string fragment)
    {
        await using var scope = App.CreateScope();
        var (rows, _) = await scope.ServiceProvider.GetRequiredService<BookingListQuery>().RunAsync(new(BookingListFilter.All, fragment), null, CancellationToken.None);
        return [.. rows.Select(r => r.Customer)];
    }
}

public sealed class SqliteBookingSearchTests() : BookingSearchTests(DatabaseProvider.Sqlite)
{
    /// <summary>A fragment too common for the index's short list reads in page order instead, and finds the same bookings.</summary>
    [Fact]
    public async Task ACommonFragment_FindsTheSameBookingsThroughEitherPath()
    {
        await SeedAsync();
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ManageBooking.Data.ManageBookingDbContext>();

        var (indexed, _) = await new BookingListQuery(db, Clock).RunAsync(new(BookingListFilter.All, "example"), null, CancellationToken.None);
        var (scanned, _) = await new BookingListQuery(db, Clock) { IndexedMatchLimit = 1 }.RunAsync(new(BookingListFilter.All, "example"), null, CancellationToken.None);

        Assert.Equal(4, indexed.Count);
        Assert.Equal(indexed.Select(r => r.Reference), scanned.Select(r => r.Reference));
    }

    /// <summary>Bookings made before the index existed are in it once the migration has run.</summary>
    [Fact]
    public async Task TheMigration_IndexesTheBookingsAlreadyThere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000400_AddThemeSettings");

            // The rows as they were then: later migrations add columns, which the model already knows.
            var calendar = new Calendar { Name = "Old" };
            var page = new BookingPage { Slug = "old", Title = "Old", CalendarId = calendar.Id, OwnerName = "Owner", OwnerEmail = "owner@example.com" };
            var now = DateTime.UtcNow;
            await OldSchema.InsertPageAsync(db, calendar, page);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Bookings" ("Id", "Reference", "BookingPageId", "CalendarId", "CustomerName", "CustomerEmail", "CustomerTimeZoneId",
                    "Status", "RescheduleCount", "ManageTokenHash", "FirstStartUtc", "CreatedUtc", "UpdatedUtc", "Version")
                VALUES ({Guid.NewGuid()}, {"MB-OLD001"}, {page.Id}, {calendar.Id}, {"Katherine Johnson"}, {"kj@example.com"}, {"UTC"},
                    {"Confirmed"}, {0}, {"x"}, {now}, {now}, {now}, {Guid.NewGuid()})
                """);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var (rows, _) = await new BookingListQuery(db, TimeProvider.System).RunAsync(new(BookingListFilter.All, "therine"), null, CancellationToken.None);
            Assert.Equal(["Katherine Johnson"], rows.Select(r => r.Customer));
        }
    }
}

public sealed class PostgresBookingSearchTests() : BookingSearchTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task AFragmentSearch_UsesTheTrigramIndex()
    {
        await SeedAsync();
        var commands = new CommandCapture();
        await using (var db = App.Database.CreateContext(commands))
        {
            var (rows, _) = await new BookingListQuery(db, TimeProvider.System).RunAsync(new(BookingListFilter.All, "ovela"), null, CancellationToken.None);
            Assert.Equal(["Ada Lovelace"], rows.Select(r => r.Customer));
        }

        // EXPLAIN of the very SQL the admin list sent, with its parameters. Sequential and plain index scans are off so
        // that the planner, on a table this small, picks among the indexes the WHERE clause can use: the trigram index
        // can serve it only while the query keeps the lower(column) LIKE shape the index was built for.
        var list = Assert.Single(commands.Captured, c => c.Text.Contains("\"CustomerName\"", StringComparison.Ordinal));
        await using var connection = new Npgsql.NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off; SET enable_indexscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN " + list.Text, connection);
        foreach (var (name, value) in list.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        var plan = string.Join('\n', lines);
        Assert.Contains("_Trigram", plan, StringComparison.Ordinal);
    }

    /// <summary>The SQL text and parameters of every query a context runs.</summary>
    private sealed class CommandCapture : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public List<(string Text, IReadOnlyList<(string Name, object? Value)> Parameters)> Captured { get; } = [];

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Captured.Add((command.CommandText, [.. command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

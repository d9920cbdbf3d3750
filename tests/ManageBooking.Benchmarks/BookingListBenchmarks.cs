using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.Data;
using ManageBooking.Models;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ManageBooking.Benchmarks;

/// <summary>
/// The admin bookings list against a SQLite file holding 1,000,000 bookings spread over four years. Target: under
/// 100 ms per page. The file is built once (about a minute) and kept in the temp folder for later runs.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class BookingListBenchmarks
{
    private const int Rows = 1_000_000;
    private static readonly string DatabasePath = Path.Combine(Path.GetTempPath(), "managebooking-bench", "million.db");

    private static readonly string[] ParameterNames = ["$id", "$reference", "$page", "$calendar", "$name", "$email", "$status", "$start", "$version"];

    private ManageBookingDbContext _db = null!;
    private string _reference = "";
    private BookingListQuery _query = null!;
    private string _deepCursor = "";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _db = Context();
        _db.Database.Migrate();
        if (_db.Bookings.Count() != Rows)
        {
            Seed();
        }

        _query = new BookingListQuery(_db, TimeProvider.System);

        // A cursor 900,000 rows into the "all" list, so the deep page reads from near the end.
        var deep = _db.Bookings.OrderBy(b => b.FirstStartUtc).ThenBy(b => b.Reference).Skip(900_000).Select(b => new { b.FirstStartUtc, b.Reference }).First();
        _reference = _db.Bookings.OrderBy(b => b.Reference).Skip(500_000).Select(b => b.Reference).First();
        _deepCursor = deep.FirstStartUtc.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + deep.Reference;
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Description = "First page, upcoming")]
    public async Task<int> FirstPageUpcoming() => (await _query.RunAsync(new(BookingListFilter.Upcoming), null, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "Page 36,001 of all (keyset cursor)")]
    public async Task<int> DeepPage() => (await _query.RunAsync(new(BookingListFilter.All), _deepCursor, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "First page, cancelled (newest first)")]
    public async Task<int> CancelledFirstPage() => (await _query.RunAsync(new(BookingListFilter.Cancelled), null, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "Search by reference")]
    public async Task<int> SearchReference() => (await _query.RunAsync(new(BookingListFilter.All, _reference), null, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "Search by part of a name, 11 matches (trigram index)")]
    public async Task<int> SearchNameFragment() => (await _query.RunAsync(new(BookingListFilter.All, "omer 12345"), null, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "Search by part of a name, 1,111 matches (just over the index's limit: LIKE in page order)")]
    public async Task<int> SearchUncommonFragment() => (await _query.RunAsync(new(BookingListFilter.All, "omer 999"), null, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "Search by part of a name, 111,111 matches (LIKE in page order)")]
    public async Task<int> SearchCommonFragment() => (await _query.RunAsync(new(BookingListFilter.All, "omer 1"), null, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "Search by two characters (LIKE in page order)")]
    public async Task<int> SearchTwoCharacters() => (await _query.RunAsync(new(BookingListFilter.All, "7@"), null, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "Search by whole email")]
    public async Task<int> SearchEmail() => (await _query.RunAsync(new(BookingListFilter.All, "customer123456@example.com"), null, CancellationToken.None)).Rows.Count;

    /// <summary>
    /// In-process: BenchmarkDotNet's generated project cannot restore ASP.NET Core's Identity here (it lacks the framework
    /// reference that lets NuGet prune KeyDerivation, a package this registry does not have).
    /// </summary>
    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static ManageBookingDbContext Context()
        => new(new DbContextOptionsBuilder<ManageBookingDbContext>()
            .UseSqlite($"Data Source={DatabasePath}")
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    private void Seed()
    {
        var calendar = new Models.Calendar { Name = "Bench" };
        var page = new BookingPage { Slug = "bench-" + Guid.NewGuid().ToString("N")[..8], Title = "Bench", CalendarId = calendar.Id, OwnerName = "Owner", OwnerEmail = "owner@example.com" };
        _db.AddRange(calendar, page);
        _db.SaveChanges();

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "Bookings" ("Id","Reference","BookingPageId","CalendarId","CustomerName","CustomerEmail","CustomerTimeZoneId","Status","RescheduleCount","FirstStartUtc","CreatedUtc","UpdatedUtc","Version")
            VALUES ($id,$reference,$page,$calendar,$name,$email,'Europe/Paris',$status,0,$start,$start,$start,$version)
            """;
        var parameters = ParameterNames.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
        parameters["$page"].Value = page.Id.ToString().ToUpperInvariant();
        parameters["$calendar"].Value = calendar.Id.ToString().ToUpperInvariant();
        var statuses = new[] { BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Rescheduled, BookingStatus.Pending, BookingStatus.Cancelled };
        var first = DateTime.UtcNow.AddYears(-2);
        var random = new Random(7);
        for (var i = 0; i < Rows; i++)
        {
            parameters["$id"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            parameters["$reference"].Value = "MB-" + i.ToString("X6", CultureInfo.InvariantCulture) + random.Next(16).ToString("X", CultureInfo.InvariantCulture);
            parameters["$name"].Value = "Customer " + i.ToString(CultureInfo.InvariantCulture);
            parameters["$email"].Value = "customer" + i.ToString(CultureInfo.InvariantCulture) + "@example.com";
            parameters["$status"].Value = statuses[i % statuses.Length].ToString();
            parameters["$start"].Value = first.AddMinutes(random.Next(4 * 365 * 24 * 2) * 30).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            parameters["$version"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
    }
}

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
/// The admin's CSV export of 100,000 bookings from a SQLite file: its time and allocations, and the largest the managed
/// heap grew while it ran (sampled every millisecond, printed at the end), against the same rows loaded into a list first.
/// Streamed, the heap stays flat whatever the count; loaded, it grows with it.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class BookingExportBenchmarks
{
    private const int Rows = 100_000;
    private static readonly string DatabasePath = Path.Combine(Path.GetTempPath(), "managebooking-bench", "hundred-thousand.db");

    private readonly Dictionary<string, long> _peaks = [];
    private ManageBookingDbContext _db = null!;

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
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        foreach (var (name, peak) in _peaks)
        {
            Console.WriteLine(FormattableString.Invariant($"// Peak managed heap growth, {name}: {peak / 1024.0 / 1024.0:F1} MB"));
        }
    }

    [Benchmark(Description = "CSV export of 100,000 bookings, streamed")]
    public async Task Streamed()
    {
        var heap = new HeapPeakSampler();
        var export = new BookingExport(new BookingListQuery(_db, TimeProvider.System), _db);
        await export.WriteAsync(Stream.Null, new BookingListCriteria(BookingListFilter.All), CancellationToken.None);
        Record("streamed", heap);
    }

    [Benchmark(Description = "The same rows loaded into a list first (what streaming avoids)", Baseline = true)]
    public async Task Loaded()
    {
        var heap = new HeapPeakSampler();
        var rows = await _db.Bookings.AsNoTracking().OrderBy(b => b.FirstStartUtc).ThenBy(b => b.Reference)
            .Select(b => new { b.Reference, b.Status, b.CustomerName, b.CustomerEmail, b.CustomerTimeZoneId, Page = b.Page!.Title, b.FirstStartUtc, b.CreatedUtc, b.Answers })
            .ToListAsync();
        await using (var writer = new StreamWriter(Stream.Null, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(string.Join(',', row.Reference, row.Status, row.CustomerName, row.CustomerEmail, row.CustomerTimeZoneId, row.Page, row.FirstStartUtc, row.CreatedUtc, row.Answers.Count));
            }
        }

        Record("loaded", heap);
    }

    private void Record(string name, HeapPeakSampler heap)
    {
        heap.Dispose();
        _peaks[name] = Math.Max(_peaks.GetValueOrDefault(name), heap.PeakGrowth);
    }

    /// <summary>
    /// Samples the managed heap every millisecond from a timer while it lives: how far it grew above where it started is
    /// the memory the work held at once (garbage not yet collected included).
    /// </summary>
    private sealed class HeapPeakSampler : IDisposable
    {
        private readonly long _start;
        private readonly Timer _timer;
        private long _peak;

        public HeapPeakSampler()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _start = GC.GetTotalMemory(forceFullCollection: true);
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        }

        public long PeakGrowth => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }

        private void Sample()
        {
            var growth = GC.GetTotalMemory(forceFullCollection: false) - _start;
            long seen;
            while (growth > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, growth, seen) != seen)
            {
            }
        }
    }

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
        var page = new BookingPage { Slug = "bench-export", Title = "Bench", CalendarId = calendar.Id, OwnerName = "Owner", OwnerEmail = "owner@example.com" };
        _db.AddRange(calendar, page);
        _db.SaveChanges();

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "Bookings" ("Id","Reference","BookingPageId","CalendarId","CustomerName","CustomerEmail","CustomerTimeZoneId","Status","RescheduleCount","FirstStartUtc","CreatedUtc","UpdatedUtc","Version","Answers")
            VALUES ($id,$reference,$page,$calendar,$name,$email,'Europe/Paris','Confirmed',0,$start,$start,$start,$version,$answers)
            """;
        string[] names = ["$id", "$reference", "$page", "$calendar", "$name", "$email", "$start", "$version", "$answers"];
        var parameters = names.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
        parameters["$page"].Value = page.Id.ToString().ToUpperInvariant();
        parameters["$calendar"].Value = calendar.Id.ToString().ToUpperInvariant();
        parameters["$answers"].Value = """[{"key":"plans","label":"Your plans","kind":0,"values":["A spring launch of our new bakery."]}]""";
        var first = DateTime.UtcNow.AddYears(-1);
        for (var i = 0; i < Rows; i++)
        {
            parameters["$id"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            parameters["$reference"].Value = "MB-" + i.ToString("X7", CultureInfo.InvariantCulture);
            parameters["$name"].Value = "Customer " + i.ToString(CultureInfo.InvariantCulture);
            parameters["$email"].Value = "customer" + i.ToString(CultureInfo.InvariantCulture) + "@example.com";
            parameters["$start"].Value = first.AddMinutes(i * 30).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            parameters["$version"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}

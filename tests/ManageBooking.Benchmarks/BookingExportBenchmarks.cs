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
/// The admin's CSV export of 100,000 and of 1,000,000 bookings from a SQLite file, streamed, against the same rows loaded
/// into a list first: time and allocations, and two memory figures printed at the end of each case. "Peak" is how far the
/// managed heap grew while the work ran, garbage not yet collected included (sampled every millisecond, no collection
/// forced). "Held" is how far the heap stood above its start right after a collection, the largest over all the
/// collections the work caused: what the work kept alive at once. Streamed, both stay flat whatever the count; loaded,
/// "held" grows with it. The files are built once (about a minute for the million) and kept in the temp folder.
/// </summary>
[Config(typeof(InProcessShortRun))]
[MemoryDiagnoser]
public class BookingExportBenchmarks
{
    private readonly Dictionary<string, (long Peak, long Held)> _figures = [];
    private ManageBookingDbContext _db = null!;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    private string DatabasePath => Path.Combine(Path.GetTempPath(), "managebooking-bench", FormattableString.Invariant($"export-{Rows}.db"));

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _db = Context();
        _db.Database.Migrate();
        if (_db.Bookings.Count() != Rows)
        {
            // A file left half-built by an interrupted run starts again.
            _db.Database.EnsureDeleted();
            _db.Database.Migrate();
            Seed();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        foreach (var (name, (peak, held)) in _figures)
        {
            Console.WriteLine(FormattableString.Invariant($"// {Rows:N0} rows, {name}: peak heap growth {peak / 1024.0 / 1024.0:F1} MB, held after a collection {held / 1024.0 / 1024.0:F1} MB"));
        }
    }

    [Benchmark(Description = "CSV export, streamed")]
    public async Task Streamed()
    {
        var heap = new HeapSampler();
        var export = new BookingExport(new BookingListQuery(_db, TimeProvider.System), _db);
        await export.WriteAsync(Stream.Null, new BookingListCriteria(BookingListFilter.All), CancellationToken.None);
        Record("streamed", heap);
    }

    [Benchmark(Description = "The same rows loaded into a list first (what streaming avoids)", Baseline = true)]
    public async Task Loaded()
    {
        var heap = new HeapSampler();
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
        GC.KeepAlive(rows);
    }

    private void Record(string name, HeapSampler heap)
    {
        heap.Dispose();
        var (peak, held) = _figures.GetValueOrDefault(name);
        _figures[name] = (Math.Max(peak, heap.PeakGrowth), Math.Max(held, heap.HeldGrowth));
    }

    /// <summary>
    /// Samples the managed heap every millisecond from a timer while it lives: its size now (garbage included), and its
    /// size at the end of the latest collection, which holds only what survived it.
    /// </summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly long _start;
        private readonly long _startAfterCollection;
        private readonly Timer _timer;
        private long _peak;
        private long _held;

        public HeapSampler()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _start = GC.GetTotalMemory(forceFullCollection: true);
            _startAfterCollection = GC.GetGCMemoryInfo().HeapSizeBytes;
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        }

        public long PeakGrowth => Interlocked.Read(ref _peak);

        public long HeldGrowth => Interlocked.Read(ref _held);

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }

        private void Sample()
        {
            Raise(ref _peak, GC.GetTotalMemory(forceFullCollection: false) - _start);
            Raise(ref _held, GC.GetGCMemoryInfo().HeapSizeBytes - _startAfterCollection);
        }

        private static void Raise(ref long maximum, long value)
        {
            long seen;
            while (value > (seen = Interlocked.Read(ref maximum)) && Interlocked.CompareExchange(ref maximum, value, seen) != seen)
            {
            }
        }
    }

    private sealed class InProcessShortRun : ManualConfig
    {
        public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    private ManageBookingDbContext Context()
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

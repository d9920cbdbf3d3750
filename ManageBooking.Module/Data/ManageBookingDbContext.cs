using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Data;

/// <summary>
/// The store of the module. One set of migrations serves SQLite and PostgreSQL: they name no column types, so each
/// provider maps the CLR types itself.
/// </summary>
public sealed class ManageBookingDbContext(DbContextOptions<ManageBookingDbContext> options) : DbContext(options)
{
    public DbSet<Calendar> Calendars => Set<Calendar>();

    public DbSet<BookingPage> BookingPages => Set<BookingPage>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<BookingSession> BookingSessions => Set<BookingSession>();

    public DbSet<BookingHistoryEntry> BookingHistory => Set<BookingHistoryEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<ApprovalMode>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<BookingStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SessionStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReasonRule>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Actor>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<HistoryAction>().HaveConversion<string>().HaveMaxLength(30);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ManageBookingDbContext).Assembly);
    }
}

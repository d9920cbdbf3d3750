using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Data;

/// <summary>
/// The store of the module. One set of migrations serves SQLite and PostgreSQL: they name no column types, so each
/// provider maps the CLR types itself. Staff accounts (ASP.NET Core Identity) live in the same store.
/// </summary>
public sealed class ManageBookingDbContext(DbContextOptions<ManageBookingDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Calendar> Calendars => Set<Calendar>();

    public DbSet<BookingPage> BookingPages => Set<BookingPage>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<BookingSession> BookingSessions => Set<BookingSession>();

    public DbSet<BookingHistoryEntry> BookingHistory => Set<BookingHistoryEntry>();

    public DbSet<NotificationRule> NotificationRules => Set<NotificationRule>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Theming.ThemeSettings> ThemeSettings => Set<Theming.ThemeSettings>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<BookingNote> BookingNotes => Set<BookingNote>();

    /// <summary>
    /// Saves, after renewing the version of every changed notification rule (<see cref="RuleVersions"/>) and raising the
    /// longest block of the calendars new sessions are added to (<see cref="CalendarBlocks"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here, for all: the raise needs the sessions a loaded booking's collection gained, and
        // a rule's new version the rule's changes.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        try
        {
            RuleVersions.RenewModified(this);
            await CalendarBlocks.RaiseForNewSessionsAsync(this, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        try
        {
            RuleVersions.RenewModified(this);
            CalendarBlocks.RaiseForNewSessions(this);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

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
        configurationBuilder.Properties<BookingEvent>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<OutboxKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<OutboxStatus>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ManageBookingDbContext).Assembly);

        // Keys are made in code (Guid.NewGuid) so that a new session or history line added to a loaded booking is
        // inserted; with EF's default "generated on add", a set key would make it look like an existing row.
        foreach (var key in builder.Model.GetEntityTypes().Select(e => e.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }
}

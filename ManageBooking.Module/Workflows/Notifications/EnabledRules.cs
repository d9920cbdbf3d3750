using ManageBooking.Data;
using ManageBooking.Models.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// The enabled notification rules, as every booking and change plans with them. Each read asks the store which rules are
/// enabled and at which version (two columns, no templates); only when that differs from the rules kept does it read
/// them whole and parse their tasks' JSON (templates in every language), which was most of a booking's planning. A rule
/// saved on any node changes its version (<see cref="RuleVersions"/>), so the next read on every node sees it.
/// </summary>
public sealed class EnabledRules
{
    private Kept? _kept;

    /// <summary>The rules, shared between requests: read them, never change them.</summary>
    public async Task<IReadOnlyList<NotificationRule>> GetAsync(ManageBookingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamps = new List<RuleStamp>();
        await foreach (var stamp in StampQuery.For(db)(db).WithCancellation(cancellationToken))
        {
            stamps.Add(stamp);
        }

        var kept = Volatile.Read(ref _kept);
        if (kept is not null && kept.Stamps.SequenceEqual(stamps))
        {
            return kept.Rules;
        }

        var rules = new List<NotificationRule>();
        await foreach (var rule in RulesQuery.For(db)(db).WithCancellation(cancellationToken))
        {
            rules.Add(rule);
        }

        // Kept with the versions actually read: a rule saved between the two queries is read again next time.
        Volatile.Write(ref _kept, new Kept([.. rules.Select(r => new RuleStamp(r.Id, r.Version))], rules));
        return rules;
    }

    private static readonly PerModelQuery<Func<ManageBookingDbContext, IAsyncEnumerable<RuleStamp>>> StampQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context) => context.NotificationRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id)
            .Select(r => new RuleStamp(r.Id, r.Version))));

    private static readonly PerModelQuery<Func<ManageBookingDbContext, IAsyncEnumerable<NotificationRule>>> RulesQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context) => context.NotificationRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).AsQueryable()));

    private sealed record RuleStamp(Guid Id, Guid Version);

    private sealed record Kept(IReadOnlyList<RuleStamp> Stamps, IReadOnlyList<NotificationRule> Rules);
}

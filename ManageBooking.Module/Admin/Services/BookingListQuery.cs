using System.Globalization;
using System.Linq.Expressions;
using ManageBooking.Admin.ViewModels;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ManageBooking.Admin.Services;

/// <summary>
/// The admin bookings list. Keyset paging on (FirstStartUtc, Reference), the columns of an index, so a page costs the
/// same at row one million as at row one: no OFFSET that reads and throws away every earlier row.
/// </summary>
public sealed partial class BookingListQuery(ManageBookingDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>Above this many bookings a fragment is common, and reading in page order finds a page sooner.</summary>
    internal int IndexedMatchLimit { get; init; } = 1_000;

    // The string calls below are SQL, not .NET: EF Core translates ToLower/Contains to LOWER() LIKE and string.Compare
    // to < and >, which the overloads taking a culture or StringComparison are not.
#pragma warning disable CA1304, CA1309, CA1311, CA1862
    public async Task<(IReadOnlyList<BookingRow> Rows, string? Next)> RunAsync(BookingListCriteria criteria, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var query = await FilteredAsync(criteria, cancellationToken);

        // The past and cancelled lists read newest first; the others soonest first.
        var descending = IsNewestFirst(criteria.Filter);
        if (Cursor.TryParse(after, out var start, out var reference))
        {
            query = descending
                ? query.Where(b => b.FirstStartUtc < start || (b.FirstStartUtc == start && string.Compare(b.Reference, reference) < 0))
                : query.Where(b => b.FirstStartUtc > start || (b.FirstStartUtc == start && string.Compare(b.Reference, reference) > 0));
        }

        query = Ordered(query, criteria.Filter);
        var now = clock.GetUtcNow().UtcDateTime;
        var page = await query
            .Take(PageSize + 1)
            .Select(b => new
            {
                b.Id, b.Reference, b.CustomerName, b.CustomerEmail, Title = b.Page!.Title, Zone = b.Page.TimeZoneId, b.FirstStartUtc, b.Status, b.RescheduleRequestedUtc,
                NoShow = b.Sessions.Any(s => !s.IsReplaced && s.Attendance == Attendance.NoShow),
                Attended = b.Sessions.Any(s => !s.IsReplaced && s.Attendance == Attendance.Attended),
            })
            .ToListAsync(cancellationToken);
        var rows = page.Take(PageSize).Select(b =>
        {
            var zone = Zones.FirstOrUtc(b.Zone);
            return new BookingRow(b.Id, b.Reference, b.CustomerName, b.CustomerEmail, b.Title, TimeDisplay.At(b.FirstStartUtc, zone), b.Status)
            {
                Zone = ZoneLabel.Describe(zone, Instant.FromDateTimeUtc(b.FirstStartUtc)),
                IsPast = b.FirstStartUtc < now,
                RescheduleRequested = b.RescheduleRequestedUtc is not null,
                Attendance = b.NoShow ? Attendance.NoShow : b.Attended ? Attendance.Attended : null,
            };
        }).ToList();
        var next = page.Count > PageSize ? Cursor.Format(page[PageSize - 1].FirstStartUtc, page[PageSize - 1].Reference) : null;
        return (rows, next);
    }

    /// <summary>The list's order: the past and cancelled lists newest first, the others soonest first.</summary>
    public static IQueryable<Booking> Ordered(IQueryable<Booking> query, BookingListFilter filter)
        => IsNewestFirst(filter)
            ? query.OrderByDescending(b => b.FirstStartUtc).ThenByDescending(b => b.Reference)
            : query.OrderBy(b => b.FirstStartUtc).ThenBy(b => b.Reference);

    private static bool IsNewestFirst(BookingListFilter filter) => filter is BookingListFilter.Past or BookingListFilter.Cancelled;

    /// <summary>The bookings of a tab, a search, a page and dates, unordered: the list pages through them, the export streams them.</summary>
    public async Task<IQueryable<Booking>> FilteredAsync(BookingListCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Bookings.AsNoTracking();
        query = criteria.Filter switch
        {
            BookingListFilter.Upcoming => query.Where(b => b.FirstStartUtc >= now && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined),
            BookingListFilter.Past => query.Where(b => b.FirstStartUtc < now),
            BookingListFilter.Pending => query.Where(b => b.Status == BookingStatus.Pending),
            BookingListFilter.Cancelled => query.Where(b => b.Status == BookingStatus.Cancelled || b.Status == BookingStatus.Declined),
            _ => query,
        };
        // Searched as names are stored: without control, bidi or invisible characters (a NUL would end SQLite's FTS5
        // phrase early and is no character PostgreSQL stores), and without unpaired halves of an emoji.
        var term = Text.PersonName.Clean(criteria.Search);
        if (term.Length > 0)
        {
            // A reference or a whole address seeks a B-tree index; a fragment of a name or address seeks the trigram index.
            var lower = term.ToLowerInvariant();
            var upper = term.ToUpperInvariant();
            if (ReferenceShape().IsMatch(term))
            {
                query = query.Where(b => b.Reference == upper);
            }
            else if (Bookings.InputRules.IsEmail(term))
            {
                query = query.Where(b => b.CustomerEmail == term || b.CustomerEmail == lower);
            }
            else
            {
                query = await MatchingFragmentAsync(query, term, cancellationToken);
            }
        }

        // A slug is letters, digits and dashes; anything else (a NUL, which PostgreSQL cannot even compare) matches no page.
        var pageSlug = criteria.PageSlug;
        if (!string.IsNullOrWhiteSpace(pageSlug) && pageSlug.Any(char.IsControl))
        {
            query = query.Where(_ => false);
        }
        else if (!string.IsNullOrWhiteSpace(pageSlug))
        {
            query = query.Where(b => b.Page!.Slug == pageSlug);
        }

        return criteria.From is null && criteria.To is null ? query : await InDatesAsync(query, criteria.From, criteria.To, cancellationToken);
    }

    /// <summary>
    /// Bookings whose first session falls on the dates, each read in its page's zone as the list shows it: one condition
    /// per zone the pages use (a handful), so "March 3" means March 3 in Paris for a Paris page and in New York for a
    /// New York one, and the range stays a comparison of stored instants that the index on FirstStartUtc serves.
    /// </summary>
    private async Task<IQueryable<Booking>> InDatesAsync(IQueryable<Booking> query, LocalDate? from, LocalDate? to, CancellationToken cancellationToken)
    {
        var zoneIds = await db.BookingPages.AsNoTracking().Select(p => p.TimeZoneId).Distinct().ToListAsync(cancellationToken);
        Expression<Func<Booking, bool>>? any = null;
        foreach (var zoneId in zoneIds)
        {
            var zone = Zones.FirstOrUtc(zoneId);
            var start = from is { } first ? StartUtc(first, zone) : null;
            var end = to is { } last && last < LocalDate.MaxIsoValue ? StartUtc(last.PlusDays(1), zone) : null;
            Expression<Func<Booking, bool>> inZone = b => b.Page!.TimeZoneId == zoneId
                && (start == null || b.FirstStartUtc >= start)
                && (end == null || b.FirstStartUtc < end);
            any = any is null ? inZone : Either(any, inZone);
        }

        return any is null ? query.Where(_ => false) : query.Where(any);
    }

    /// <summary>The start of a day in a zone as a stored instant; null (no bound) past the first or last instant .NET holds.</summary>
    private static DateTime? StartUtc(LocalDate date, DateTimeZone zone)
    {
        var instant = date.AtStartOfDayInZone(zone).ToInstant();
        return instant <= EarliestStored || instant >= LatestStored ? null : instant.ToDateTimeUtc();
    }

    private static readonly Instant EarliestStored = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    private static readonly Instant LatestStored = Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));

    /// <summary>a || b as one condition EF Core translates: b's parameter replaced by a's.</summary>
    private static Expression<Func<Booking, bool>> Either(Expression<Func<Booking, bool>> a, Expression<Func<Booking, bool>> b)
        => Expression.Lambda<Func<Booking, bool>>(Expression.OrElse(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>
    /// Bookings whose customer name or email contains the fragment, case aside. On SQLite, three characters or more ask the
    /// trigram index (the AddBookingSearch migration) for at most <see cref="IndexedMatchLimit"/> bookings: a rare fragment
    /// is then a lookup of those few. A common one ("son") would make that list long and its sort slow, so it reads the
    /// bookings in page order with LIKE instead, which fills a page after a few hundred rows. PostgreSQL's planner makes
    /// the same choice itself between its pg_trgm index and the page-order index.
    /// </summary>
    private async Task<IQueryable<Booking>> MatchingFragmentAsync(IQueryable<Booking> query, string term, CancellationToken cancellationToken)
    {
        // Trigrams are of characters, not UTF-16 units: "😀x" is two characters, too short for the index.
        if (db.Database.IsSqlite() && term.EnumerateRunes().Count() >= 3)
        {
            var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var ids = await db.Database
                .SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "BookingSearch" WHERE "BookingSearch" MATCH {phrase} LIMIT {IndexedMatchLimit + 1}""")
                .ToListAsync(cancellationToken);
            if (ids.Count <= IndexedMatchLimit)
            {
                return query.Where(b => ids.Contains(b.Id));
            }
        }

        var pattern = "%" + LikeEscaped(term.ToLowerInvariant()) + "%";
        return query.Where(b => EF.Functions.Like(b.CustomerEmail.ToLower(), pattern, "\\") || EF.Functions.Like(b.CustomerName.ToLower(), pattern, "\\"));
    }
#pragma warning restore CA1304, CA1309, CA1311, CA1862

    /// <summary>A fragment with LIKE's wildcards taken literally: "50%" finds "50%", not everything after "50".</summary>
    private static string LikeEscaped(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("^MB-[0-9A-Z]{6,12}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ReferenceShape();

    /// <summary>"ticks_reference": opaque to the person, exact for the query.</summary>
    private static class Cursor
    {
        public static string Format(DateTime start, string reference) => start.Ticks.ToString(CultureInfo.InvariantCulture) + "_" + reference;

        public static bool TryParse(string? text, out DateTime start, out string reference)
        {
            start = default;
            reference = "";
            var parts = text?.Split('_', 2);
            if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            start = new DateTime(ticks, DateTimeKind.Utc);
            reference = parts[1];
            return true;
        }
    }
}

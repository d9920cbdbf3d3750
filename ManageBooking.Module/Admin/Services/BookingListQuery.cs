using System.Globalization;
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
    public async Task<(IReadOnlyList<BookingRow> Rows, string? Next)> RunAsync(
        BookingListFilter filter, string? search, string? pageSlug, string? after, CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(filter, search, pageSlug, cancellationToken);

        // The past and cancelled lists read newest first; the others soonest first.
        var descending = IsNewestFirst(filter);
        if (Cursor.TryParse(after, out var start, out var reference))
        {
            query = descending
                ? query.Where(b => b.FirstStartUtc < start || (b.FirstStartUtc == start && string.Compare(b.Reference, reference) < 0))
                : query.Where(b => b.FirstStartUtc > start || (b.FirstStartUtc == start && string.Compare(b.Reference, reference) > 0));
        }

        query = Ordered(query, filter);
        var page = await query
            .Take(PageSize + 1)
            .Select(b => new { b.Id, b.Reference, b.CustomerName, b.CustomerEmail, Title = b.Page!.Title, Zone = b.Page.TimeZoneId, b.FirstStartUtc, b.Status, b.RescheduleRequestedUtc })
            .ToListAsync(cancellationToken);
        var rows = page.Take(PageSize).Select(b =>
        {
            var zone = Zones.FirstOrUtc(b.Zone);
            return new BookingRow(b.Id, b.Reference, b.CustomerName, b.CustomerEmail, b.Title, TimeDisplay.At(b.FirstStartUtc, zone), b.Status) { RescheduleRequested = b.RescheduleRequestedUtc is not null };
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

    /// <summary>The bookings of a tab, a search and a page, unordered: the list pages through them, the export streams them.</summary>
    public async Task<IQueryable<Booking>> FilteredAsync(BookingListFilter filter, string? search, string? pageSlug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Bookings.AsNoTracking();
        query = filter switch
        {
            BookingListFilter.Upcoming => query.Where(b => b.FirstStartUtc >= now && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined),
            BookingListFilter.Past => query.Where(b => b.FirstStartUtc < now),
            BookingListFilter.Pending => query.Where(b => b.Status == BookingStatus.Pending),
            BookingListFilter.Cancelled => query.Where(b => b.Status == BookingStatus.Cancelled || b.Status == BookingStatus.Declined),
            _ => query,
        };
        // Searched as names are stored: without control, bidi or invisible characters (a NUL would end SQLite's FTS5
        // phrase early and is no character PostgreSQL stores), and without unpaired halves of an emoji.
        var term = Text.PersonName.Clean(search);
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
        if (!string.IsNullOrWhiteSpace(pageSlug) && pageSlug.Any(char.IsControl))
        {
            query = query.Where(_ => false);
        }
        else if (!string.IsNullOrWhiteSpace(pageSlug))
        {
            query = query.Where(b => b.Page!.Slug == pageSlug);
        }

        return query;
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

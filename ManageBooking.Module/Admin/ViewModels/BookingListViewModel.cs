using ManageBooking.Admin.Services;
using NodaTime.Text;

namespace ManageBooking.Admin.ViewModels;

/// <summary>A page of the admin bookings list, with the filters that made it and the cursor to the next page.</summary>
public sealed class BookingListViewModel
{
    public required BookingListCriteria Criteria { get; init; }

    public BookingListFilter Filter => Criteria.Filter;

    public string? Search => Criteria.Search;

    public string? PageSlug => Criteria.PageSlug;

    /// <summary>The date fields as typed, so a refused one is shown back beside its message.</summary>
    public string? FromText { get; init; }

    public string? ToText { get; init; }

    public required IReadOnlyList<(string Slug, string Title)> Pages { get; init; }

    public required IReadOnlyList<BookingRow> Rows { get; init; }

    /// <summary>The cursor of the next page, or null on the last one.</summary>
    public string? Next { get; init; }

    /// <summary>This list on another tab or page, with the same search, booking page and dates.</summary>
    public string Link(BookingListFilter? filter = null, string? after = null)
        => "/admin/bookings?" + Query(filter ?? Filter, after);

    /// <summary>This tab with the same page and dates, without the search.</summary>
    public string WithoutSearchLink => "/admin/bookings?" + Query(Filter, null, withSearch: false);

    /// <summary>The CSV of exactly what this list holds (every page of it).</summary>
    public string ExportLink => "/admin/bookings/export.csv?" + Query(Filter, null);

    private string Query(BookingListFilter filter, string? after, bool withSearch = true)
    {
        var query = new List<string> { "filter=" + filter.ToString().ToLowerInvariant() };
        if (withSearch && !string.IsNullOrWhiteSpace(Search))
        {
            query.Add("q=" + Uri.EscapeDataString(Search));
        }

        if (!string.IsNullOrWhiteSpace(PageSlug))
        {
            query.Add("page=" + Uri.EscapeDataString(PageSlug));
        }

        if (Criteria.From is { } from)
        {
            query.Add("from=" + LocalDatePattern.Iso.Format(from));
        }

        if (Criteria.To is { } to)
        {
            query.Add("to=" + LocalDatePattern.Iso.Format(to));
        }

        if (after is not null)
        {
            query.Add("after=" + Uri.EscapeDataString(after));
        }

        return string.Join('&', query);
    }
}

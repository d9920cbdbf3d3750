namespace ManageBooking.Admin.ViewModels;

/// <summary>A page of the admin bookings list, with the filters that made it and the cursor to the next page.</summary>
public sealed class BookingListViewModel
{
    public required BookingListFilter Filter { get; init; }

    public string? Search { get; init; }

    public string? PageSlug { get; init; }

    public required IReadOnlyList<(string Slug, string Title)> Pages { get; init; }

    public required IReadOnlyList<BookingRow> Rows { get; init; }

    /// <summary>The cursor of the next page, or null on the last one.</summary>
    public string? Next { get; init; }

    public string Link(BookingListFilter? filter = null, string? after = null)
    {
        var query = new List<string> { "filter=" + (filter ?? Filter).ToString().ToLowerInvariant() };
        if (!string.IsNullOrWhiteSpace(Search))
        {
            query.Add("q=" + Uri.EscapeDataString(Search));
        }

        if (!string.IsNullOrWhiteSpace(PageSlug))
        {
            query.Add("page=" + Uri.EscapeDataString(PageSlug));
        }

        if (after is not null)
        {
            query.Add("after=" + Uri.EscapeDataString(after));
        }

        return "/admin/bookings?" + string.Join('&', query);
    }
}

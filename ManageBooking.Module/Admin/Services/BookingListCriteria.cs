using NodaTime;
using NodaTime.Text;
using ManageBooking.Admin.ViewModels;

namespace ManageBooking.Admin.Services;

/// <summary>
/// What the bookings list and its CSV export show: a tab, a search, a booking page and a range of first-session dates
/// (each booking's date in its page's zone, as the list shows it; both ends included).
/// </summary>
public sealed record BookingListCriteria(BookingListFilter Filter, string? Search = null, string? PageSlug = null, LocalDate? From = null, LocalDate? To = null)
{
    /// <summary>The query string's words, with a message for each date that is not one; a bad date filters nothing.</summary>
    /// <param name="filter">The tab a link names (the tabs keep the search, so a tab narrows a search).</param>
    /// <param name="tab">The tab the search form was sent from: kept for a page or dates, not for a search, which looks
    /// in every tab (a cancelled booking's reference typed on Upcoming is found, marked Cancelled).</param>
    public static (BookingListCriteria Criteria, IReadOnlyDictionary<string, string> Errors) Read(
        string? filter, string? search, string? pageSlug, string? from, string? to, string? tab = null)
    {
        var chosen = Tab(filter) ?? (string.IsNullOrWhiteSpace(search) ? Tab(tab) : BookingListFilter.All) ?? BookingListFilter.Upcoming;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = Date(from, "from", errors);
        var end = Date(to, "to", errors);
        if (start > end)
        {
            errors["to"] = "The end date is before the start date.";
            end = null;
        }

        return (new BookingListCriteria(chosen, search, pageSlug, start, end), errors);
    }

    private static BookingListFilter? Tab(string? text)
        => Enum.TryParse<BookingListFilter>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>yyyy-MM-dd, any day of the years 1 to 9999 (what a date field sends): "from 0001-01-01" means from the start.</summary>
    private static LocalDate? Date(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // NodaTime's parser reads a NUL as the end of the text: "2026-03-04\0" would pass as a date.
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!text.Any(char.IsControl) && result.Success && result.Value.Year is >= 1 and <= 9999)
        {
            return result.Value;
        }

        errors[field] = "Enter a date as year-month-day, for example 2026-03-31.";
        return null;
    }
}

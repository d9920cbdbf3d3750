using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ManageBooking.Admin.ViewModels;

/// <summary>What staff post to book for a customer: the times, the customer's details and answers, and whether to tell them.</summary>
public sealed class StaffBookingForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The number to call, on a page where the host calls the customer.</summary>
    public string? Phone { get; set; }

    /// <summary>The customer's time zone, as an IANA id or a city or country (their emails show times in it).</summary>
    public string? TimeZone { get; set; }

    /// <summary>The language of the customer's emails; empty for the site's own.</summary>
    public string? Culture { get; set; }

    public bool NotifyCustomer { get; set; }

    /// <summary>The first day of the week shown, to show the same week again after an error.</summary>
    public string? Date { get; set; }

    public List<string> Starts { get; set; } = [];

    /// <summary>Set by a week button: show that week, keeping everything typed and chosen so far; books nothing.</summary>
    public string? ShowWeek { get; set; }

    /// <summary>Set by a chosen time's Remove button (a package): drop it from the choice; books nothing.</summary>
    public string? Remove { get; set; }

    /// <summary>The answers, read from the <c>answers.{key}</c> fields by the page's questions.</summary>
    [BindNever]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; set; } = new Dictionary<string, IReadOnlyList<string>>();
}

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>What the booking form posts.</summary>
public sealed class BookingFormModel
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The number to call, on a page where the host calls the customer.</summary>
    public string? Phone { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>The first day of the week being shown, to show the same week again after an error.</summary>
    public string? Date { get; set; }

    public List<string> Starts { get; set; } = [];

    /// <summary>Set by a week button of a package's picker: show that week, keeping the times chosen so far; books nothing.</summary>
    public string? ShowWeek { get; set; }

    /// <summary>Set by a chosen time's Remove button: drop it from the choice; books nothing.</summary>
    public string? Remove { get; set; }

    /// <summary>The page's host calls the customer, so the form asks for their number.</summary>
    [BindNever]
    public bool AsksPhone { get; set; }

    /// <summary>The page's Reschedule &amp; Cancel toggle is on, so the confirmation email brings a manage link.</summary>
    [BindNever]
    public bool OffersManageLink { get; set; } = true;

    /// <summary>The answers, read from the <c>answers.{key}</c> fields by the page's questions (they are not known to the binder).</summary>
    [BindNever]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; set; } = new Dictionary<string, IReadOnlyList<string>>();
}

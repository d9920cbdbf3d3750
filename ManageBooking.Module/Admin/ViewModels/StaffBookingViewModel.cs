using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Models;

namespace ManageBooking.Admin.ViewModels;

/// <summary>Staff booking for a customer: a week of the times staff may book on the page, and the customer's details.</summary>
public sealed class StaffBookingViewModel
{
    public required BookingPage Page { get; init; }

    public required StaffBookingForm Form { get; init; }

    public required WeekNav Week { get; init; }

    public required string WeekStart { get; init; }

    public required IReadOnlyList<SlotDay> Days { get; init; }

    /// <summary>The page's zone, in which the picker shows times.</summary>
    public required string ZoneLabel { get; init; }

    /// <summary>A package's times chosen so far, in any week.</summary>
    public IReadOnlyList<SlotOption> Picks { get; init; } = [];

    /// <summary>Chosen times outside the week shown, posted along as hidden fields.</summary>
    public IReadOnlyList<string> PicksElsewhere { get; init; } = [];

    /// <summary>The languages the site writes to customers in, as (culture name, native name); the first is the site's own.</summary>
    public IReadOnlyList<(string Name, string Label)> Cultures { get; init; } = [];

    /// <summary>Zones a typed time zone could mean, when it named none outright.</summary>
    public IReadOnlyList<(string Id, string Label)> ZoneMatches { get; init; } = [];

    /// <summary>Set when the chosen time was taken meanwhile or is not one of the page's times.</summary>
    public string? SlotMessage { get; init; }

    public bool IsPackage => Page.SessionsPerBooking > 1;

    public QuestionsViewModel Questions => new(Page.Questions, Form.Answers);
}

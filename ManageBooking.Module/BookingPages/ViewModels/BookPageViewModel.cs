using ManageBooking.Models;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The booking page: the page's details, a week of free times in the viewer's zone, and the form.</summary>
public sealed class BookPageViewModel
{
    public required BookingPage Page { get; init; }

    public required string ViewerZoneId { get; init; }

    public required string ZoneLabel { get; init; }

    public required TimeZones.ZoneFieldModel Zone { get; init; }

    public required string WeekStart { get; init; }

    public required WeekNav Week { get; init; }

    public required IReadOnlyList<SlotDay> Days { get; init; }

    public required BookingFormModel Form { get; init; }

    /// <summary>Set when the chosen time was taken meanwhile or refused by the page's rules.</summary>
    public string? SlotMessage { get; init; }

    /// <summary>A package's times chosen so far, in any week, as the viewer reads them.</summary>
    public IReadOnlyList<SlotOption> Picks { get; init; } = [];

    /// <summary>Chosen times outside the week shown: posted along as hidden fields so no choice is lost.</summary>
    public IReadOnlyList<string> PicksElsewhere { get; init; } = [];

    public bool IsPackage => Page.SessionsPerBooking > 1;

    public QuestionsViewModel Questions => new(Page.Questions, Form.Answers);
}

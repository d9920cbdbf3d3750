namespace ManageBooking.BookingPages.ViewModels;

/// <summary>
/// Links to the previous and next week of times; no previous link for the current week. As buttons
/// (<see cref="AsButtons"/>) they submit the form they are in, so a package's chosen times travel to the other week.
/// </summary>
public sealed record WeekNav(string Label, string? PreviousUrl, string NextUrl)
{
    public string? PreviousDate { get; init; }

    public string NextDate { get; init; } = "";

    public bool AsButtons { get; init; }
}

namespace ManageBooking.Models;

/// <summary>Replaces the weekly hours on one date; no hours means closed that day.</summary>
public sealed record DateOverride(DateOnly Date, IReadOnlyList<TimeRange> Hours);

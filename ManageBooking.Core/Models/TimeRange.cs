namespace ManageBooking.Models;

/// <summary>A window of local wall-clock time within one day.</summary>
public sealed record TimeRange(TimeOnly Start, TimeOnly End);

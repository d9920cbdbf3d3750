namespace ManageBooking.BookingPages.TimeZones;

/// <summary>
/// A zone field: the text it shows ("New York, United States"), the zone in force, where the picker's script finds the
/// list, and when a typed name named no zone outright, the zones it could mean (each with the address that shows it).
/// </summary>
public sealed record ZoneFieldModel(string Text, string ZoneId, string ListUrl, IReadOnlyList<(string Label, string Url)> Matches, string? Unmatched);

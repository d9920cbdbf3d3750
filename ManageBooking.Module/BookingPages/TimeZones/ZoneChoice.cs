using NodaTime;

namespace ManageBooking.BookingPages.TimeZones;

/// <summary>What a zone field's text comes to: the zone it names, or (it names none outright) the zones it could mean.</summary>
public sealed record ZoneChoice(DateTimeZone? Zone, IReadOnlyList<ZoneEntry> Matches, string? Text)
{
    public static ZoneChoice None { get; } = new(null, [], null);
}

namespace ManageBooking.BookingPages.TimeZones;

/// <summary>A zone as the picker lists it: its id, its city and country in the reader's language, and the words it is found by.</summary>
/// <param name="English">The English city and country, when the reader's language names them otherwise ("London United Kingdom").</param>
public sealed record ZoneEntry(string Id, string City, string? Country, string? English)
{
    /// <summary>"Paris, France", or the city alone for a zone without a country (UTC).</summary>
    public string Label => Country is null ? City : $"{City}, {Country}";
}

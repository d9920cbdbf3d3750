using System.Globalization;
using ManageBooking.BookingPages.TimeZones;

namespace ManageBooking.Tests.TimeZones;

/// <summary>Zones found by the names people use, in their language, with or without accents, or by the IANA id.</summary>
public sealed class ZoneDirectoryTests
{
    private static readonly ZoneDirectory Directory = new();

    [Theory]
    [InlineData("fr", "Londres", "Europe/London", "Londres, Royaume-Uni")]
    [InlineData("fr", "london", "Europe/London", "Londres, Royaume-Uni")] // the English name works in French too
    [InlineData("fr", "le caire", "Africa/Cairo", "Le Caire, Égypte")]
    [InlineData("fr", "Japon", "Asia/Tokyo", "Tokyo, Japon")]
    [InlineData("fr", "nouvelle zelande", "Pacific/Auckland", "Auckland, Nouvelle-Zélande")] // accents aside
    [InlineData("en", "new york", "America/New_York", "New York, United States")]
    [InlineData("en", "Kolkata", "Asia/Kolkata", "Kolkata, India")]
    [InlineData("fr", "Calcutta", "Asia/Kolkata", "Calcutta, Inde")] // CLDR names it under its older id, Asia/Calcutta
    [InlineData("en", "ho chi minh", "Asia/Ho_Chi_Minh", "Ho Chi Minh City, Vietnam")]
    [InlineData("en", "Europe/Paris", "Europe/Paris", "Paris, France")]
    [InlineData("en", "utc", "UTC", "UTC")]
    public void Search_ByACityOrCountryInTheReadersLanguage_FindsTheZoneFirst(string culture, string query, string id, string label)
    {
        var found = Directory.Search(query, CultureInfo.GetCultureInfo(culture));

        Assert.NotEmpty(found);
        Assert.Equal((id, label), (found[0].Id, found[0].Label));
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    public void Search_ForNoPlace_FindsNothing(string query)
        => Assert.Empty(Directory.Search(query, CultureInfo.GetCultureInfo("en")));

    [Fact]
    public void TheListOfEachLanguage_NamesEveryZoneOnceAndHasAVersionOfItsOwn()
    {
        var english = Directory.For(CultureInfo.GetCultureInfo("en"));
        var french = Directory.For(CultureInfo.GetCultureInfo("fr"));

        Assert.True(english.Count > 300);
        Assert.Equal(english.Count, english.Select(z => z.Id).Distinct().Count());
        Assert.Equal(english.Select(z => z.Id).Order(), french.Select(z => z.Id).Order());
        Assert.NotEqual(Directory.File(CultureInfo.GetCultureInfo("en")).Version, Directory.File(CultureInfo.GetCultureInfo("fr")).Version);
    }
}

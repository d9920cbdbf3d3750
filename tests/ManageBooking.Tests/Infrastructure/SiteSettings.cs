namespace ManageBooking.Tests.Infrastructure;

/// <summary>Configurations several test classes start a second site with.</summary>
public static class SiteSettings
{
    /// <summary>A French site: French first (its own language and its emails'), English second.</summary>
    public static IReadOnlyDictionary<string, string?> FrenchFirst { get; } = new Dictionary<string, string?>
    {
        ["ManageBooking:Cultures:0"] = "fr",
        ["ManageBooking:Cultures:1"] = "en",
    };
}

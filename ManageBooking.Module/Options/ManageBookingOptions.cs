namespace ManageBooking.Options;

/// <summary>The ManageBooking section of configuration.</summary>
public sealed class ManageBookingOptions
{
    public const string SectionName = "ManageBooking";

    /// <summary>The public address links in emails are built from; never taken from a request's Host header.</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:5080/");

    /// <summary>Creates the demo booking pages on first run.</summary>
    public bool SeedDemoData { get; set; } = true;

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>
    /// The office's IANA time zone: the admin's calendar opens in it and new booking pages start in it. Each booking
    /// page keeps its own zone; customers see theirs.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// The languages of the customer pages, the site's own first ("en", "fr"); a request picks one by cookie, query
    /// string or Accept-Language. Null means every language the module has a complete translation for.
    /// </summary>
#pragma warning disable CA1819 // Bound from configuration, where a list is an array.
    public string[]? Cultures { get; set; }

    /// <summary>
    /// ManageBooking:LinkKeys:0, :1 …: the keys that sign manage links, the current one first, older ones still accepted
    /// (base64, at least 32 bytes each). None: a key file under App_Data (SQLite only); see <see cref="Security.LinkKeyRing"/>.
    /// </summary>
    public string[]? LinkKeys { get; set; }
#pragma warning restore CA1819
}

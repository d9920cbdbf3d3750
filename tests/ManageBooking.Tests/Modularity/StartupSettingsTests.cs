using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.Modularity;

/// <summary>A wrong setting stops the site at start with the key to fix, instead of failing later, page by page.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("ManageBooking:BaseUrl", "/relative/", "ManageBooking:BaseUrl is '/relative/'")]
    [InlineData("ManageBooking:BaseUrl", "ftp://book.example.com/", "ManageBooking:BaseUrl is 'ftp://book.example.com/'")]
    [InlineData("ManageBooking:BaseUrl", "https://book.example.com/?a=1", "ManageBooking:BaseUrl is")]
    [InlineData("ManageBooking:TimeZone", "Mars/Olympus", "ManageBooking:TimeZone is 'Mars/Olympus'")]
    [InlineData("ManageBooking:Cultures:0", "xx-NOPE", "ManageBooking:Cultures has 'xx-NOPE'")]
    [InlineData("ManageBooking:Email:Smtp:From", "a b@example.com", "ManageBooking:Email:Smtp:From is 'a b@example.com'")]
    [InlineData("ManageBooking:Email:Smtp:Port", "70000", "ManageBooking:Email:Smtp:Port is 70000")]
    [InlineData("ManageBooking:Email:Smtp:Host", "smtp example.com", "ManageBooking:Email:Smtp:Host is 'smtp example.com'")]
    [InlineData("ManageBooking:Email:Smtp:UserName", "mailer", "ManageBooking:Email:Smtp:UserName and ManageBooking:Email:Smtp:Password go together")]
    [InlineData("ManageBooking:Outbox:LeaseSeconds", "0", "ManageBooking:Outbox:LeaseSeconds is 0")]
    [InlineData("ManageBooking:Outbox:PollSeconds", "0", "ManageBooking:Outbox:PollSeconds is 0")]
    [InlineData("ManageBooking:LostLink:RequestsPerClientPerHour", "0", "ManageBooking:LostLink:RequestsPerClientPerHour")]
    [InlineData("ManageBooking:Admin:Email", "not-an-address", "ManageBooking:Admin:Email and :Password go together")]
    [InlineData("ManageBooking:Admin:FirstDayOfWeek", "Funday", "ManageBooking:Admin:FirstDayOfWeek")]
    [InlineData("ManageBooking:Admin:FirstDayOfWeek", "9", "ManageBooking:Admin:FirstDayOfWeek must name a day")]
    public async Task AWrongSetting_StopsStartUp_NamingItsKey(string key, string value, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "ManageBooking:Admin:Email")
        {
            settings["ManageBooking:Admin:Password"] = "a long enough password";
        }

        await using var app = new ManageBookingApp(database, new FakeClock(), settings);

        var exception = Assert.ThrowsAny<Exception>(() => app.CreateClient().Dispose());

        Assert.Contains(expected, Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodSettings_Start_LocalSenderIncluded()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["ManageBooking:TimeZone"] = "Asia/Tokyo",
            ["ManageBooking:Cultures:0"] = "fr",
            ["ManageBooking:Cultures:1"] = "en",
            ["ManageBooking:Email:Smtp:From"] = "bookings@localhost",
        };
        await using var app = new ManageBookingApp(database, new FakeClock(), settings);

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/book/30-minute-meeting", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static string Flatten(Exception exception)
        => exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : exception.Message + (exception.InnerException is { } inner ? " | " + Flatten(inner) : "");
}

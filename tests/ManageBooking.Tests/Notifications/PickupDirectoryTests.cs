using System.Net;
using System.Text.RegularExpressions;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.Notifications;

/// <summary>With no SMTP host configured, email lands as .eml files, and the link inside works.</summary>
public sealed partial class PickupDirectoryTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task WithoutSmtp_EmailsAreEmlFilesWhoseManageLinkOpensTheBooking()
    {
        var (booking, _) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        Assert.Equal(3, await App.DispatchAsync());

        var files = Directory.GetFiles(App.MailFolder, "*.eml");
        Assert.Equal(3, files.Length);
        var customer = files.Select(SmtpSink.DecodeFile).Single(m => m.GetProperty("to")[0].GetString()!.Contains("ada@example.com", StringComparison.Ordinal));
        Assert.Equal("text/calendar", customer.Calendar().GetProperty("type").GetString());
        var link = ManageLink().Match(customer.Html());
        Assert.True(link.Success, "no manage link in the email");
        var path = new Uri(link.Value).PathAndQuery;
        using var page = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(booking.GetProperty("reference").GetString()!, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https://bookings\.example\.test/booking/manage/[A-Za-z0-9_-]{43}(?="")")]
    private static partial Regex ManageLink();
}

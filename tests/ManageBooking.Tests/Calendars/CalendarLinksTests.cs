using ManageBooking.Calendars;
using NodaTime;

namespace ManageBooking.Tests.Calendars;

public sealed class CalendarLinksTests
{
    private static readonly CalendarEvent Session = new(
        "uid@managebooking", 0, Instant.FromUtc(2026, 3, 9, 14, 0), Instant.FromUtc(2026, 3, 9, 14, 30),
        "30-minute meeting & more", "With Alex Rivera", null, Tentative: false, Cancelled: false, Location: "https://meet.example.com/alex?pwd=a b");

    [Theory]
    [InlineData("action=TEMPLATE")]
    [InlineData("text=30-minute%20meeting%20%26%20more")]
    [InlineData("dates=20260309T140000Z%2F20260309T143000Z")]
    [InlineData("details=With%20Alex%20Rivera")]
    [InlineData("location=https%3A%2F%2Fmeet.example.com%2Falex%3Fpwd%3Da%20b")]
    public void Google_CarriesEachPartOfTheEventEscaped(string part)
    {
        var link = CalendarLinks.Google(Session);

        Assert.StartsWith("https://calendar.google.com/calendar/render?", link, StringComparison.Ordinal);
        Assert.Contains(part, new Uri(link).Query.TrimStart('?').Split('&'));
    }

    [Theory]
    [InlineData("rru=addevent")]
    [InlineData("subject=30-minute%20meeting%20%26%20more")]
    [InlineData("startdt=2026-03-09T14%3A00%3A00Z")]
    [InlineData("enddt=2026-03-09T14%3A30%3A00Z")]
    [InlineData("location=https%3A%2F%2Fmeet.example.com%2Falex%3Fpwd%3Da%20b")]
    public void Outlook_CarriesEachPartOfTheEventEscaped(string part)
    {
        var link = CalendarLinks.Outlook(Session);

        Assert.StartsWith("https://outlook.live.com/calendar/0/deeplink/compose?", link, StringComparison.Ordinal);
        Assert.Contains(part, new Uri(link).Query.TrimStart('?').Split('&'));
    }

    [Fact]
    public void Links_LeaveOutWhatTheEventDoesNotHave()
        => Assert.DoesNotContain("location=", CalendarLinks.Google(Session with { Location = null }), StringComparison.Ordinal);
}

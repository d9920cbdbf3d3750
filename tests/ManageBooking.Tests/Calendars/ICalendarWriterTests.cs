using System.Text;
using System.Text.Json;
using ManageBooking.Calendars;
using ManageBooking.Tests.Infrastructure;
using NodaTime;

namespace ManageBooking.Tests.Calendars;

/// <summary>The writer's output as a real iCalendar parser (python3-icalendar) reads it.</summary>
public sealed class ICalendarWriterTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 3, 2, 12, 0, 5);
    private static readonly Uri ManageUrl = new("https://bookings.example.test/booking/manage/AbC-_123");

    [Fact]
    public void Write_FoldsEveryLineAt75OctetsWithoutSplittingCharacters()
    {
        var summary = "Réunion de 30 minutes — " + string.Concat(Enumerable.Repeat("élan ☕ ", 30));
        var text = ICalendarWriter.Write(Invite(CalendarMethod.Request, Event("u-1@example.test", summary)));

        var physical = text.Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' ')); // it did fold
        Assert.DoesNotContain('\uFFFD', text);
        Assert.Equal(summary, OnlyEvent(Parse(text)).GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("Ada\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Wire money to 12345\r\nUID:evil")]
    [InlineData("Ada\nATTENDEE:mailto:evil@example.test")]
    [InlineData("Ada\rX-INJECTED:1")]
    [InlineData("Ada\" ;ROLE=CHAIR:mailto:evil@example.test")]
    [InlineData("Ada; Lovelace, \\Countess\\")]
    [InlineData("Ada\u2028Line\u0000Null\u001bEscape")]
    public void Write_NoNameOrTextCanAddAPropertyOrAComponent(string hostile)
    {
        var entry = new CalendarEvent("u-2@managebooking", 1, Start, Start + Duration.FromHours(1), hostile, hostile, ManageUrl, hostile, false, false);
        var text = ICalendarWriter.Write(new CalendarInvite(CalendarMethod.Request, new CalendarParty("bookings@example.test", hostile), new CalendarParty("ada@example.test", hostile), Stamp, [entry]));

        var parsed = Parse(text);
        Assert.Equal(["VCALENDAR", "VEVENT"], parsed.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        var only = OnlyEvent(parsed);
        Assert.Equal(
            ["ATTENDEE", "DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "LOCATION", "ORGANIZER", "SEQUENCE", "STATUS", "SUMMARY", "TRANSP", "UID", "URL"],
            only.GetProperty("properties").EnumerateArray().Select(p => p.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("u-2@managebooking", only.GetProperty("uid").GetString());
        var attendee = Assert.Single(only.GetProperty("attendees").EnumerateArray());
        Assert.Equal("mailto:ada@example.test", attendee.GetProperty("address").GetString());
        Assert.Equal("REQ-PARTICIPANT", attendee.GetProperty("role").GetString());
        Assert.Equal(Printable(hostile).Replace("\"", "", StringComparison.Ordinal), attendee.GetProperty("cn").GetString());
        Assert.Equal("mailto:bookings@example.test", only.GetProperty("organizer").GetProperty("address").GetString());
    }

    [Fact]
    public void Write_EscapesCommasSemicolonsBackslashesAndLineBreaksInText()
    {
        var description = "Bring: laptop, charger; notes\\drafts\nSecond line\r\nThird";
        var entry = new CalendarEvent("u-3", 3, Start, Start + Duration.FromHours(1), "A, B; C", description, null, "Room 4, floor 2; ring \\ twice", false, false);

        var text = ICalendarWriter.Write(Invite(CalendarMethod.Request, entry));

        Assert.Contains(@"SUMMARY:A\, B\; C", Unfold(text), StringComparison.Ordinal);
        var parsed = OnlyEvent(Parse(text));
        Assert.Equal("A, B; C", parsed.GetProperty("summary").GetString());
        Assert.Equal("Bring: laptop, charger; notes\\drafts\nSecond line\nThird", parsed.GetProperty("description").GetString());
        Assert.Equal("Room 4, floor 2; ring \\ twice", parsed.GetProperty("location").GetString());
    }

    [Fact]
    public void Write_AnInvitationCarriesTheManageUrlUtcTimesAndSequences()
    {
        var first = new CalendarEvent("lineage-1@managebooking", 2, Start, Start + Duration.FromMinutes(15), "Session 1", "Manage your booking: " + ManageUrl, ManageUrl, null, false, false);
        var second = new CalendarEvent("lineage-2@managebooking", 0, Start + Duration.FromDays(1), Start + Duration.FromDays(1) + Duration.FromMinutes(15), "Session 2", null, null, null, true, false);

        var text = ICalendarWriter.Write(Invite(CalendarMethod.Request, first, second));

        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text); // every line ends with CRLF
        var parsed = Parse(text);
        Assert.Equal("REQUEST", parsed.GetProperty("method").GetString());
        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["lineage-1@managebooking", "lineage-2@managebooking"], events.Select(e => e.GetProperty("uid").GetString()));
        Assert.Equal([2, 0], events.Select(e => e.GetProperty("sequence").GetInt32()));
        Assert.Equal(["2026-03-09T13:00:00+00:00", "2026-03-10T13:00:00+00:00"], events.Select(e => e.GetProperty("start").GetString()));
        Assert.Equal(["CONFIRMED", "TENTATIVE"], events.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(ManageUrl.AbsoluteUri, events[0].GetProperty("url").GetString());
        Assert.Contains(ManageUrl.AbsoluteUri, events[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ACancellationMarksEveryEntryCancelled()
    {
        var parsed = Parse(ICalendarWriter.Write(Invite(CalendarMethod.Cancel, Event("u-4", "Gone") with { Sequence = 4 })));

        Assert.Equal("CANCEL", parsed.GetProperty("method").GetString());
        var entry = OnlyEvent(parsed);
        Assert.Equal("CANCELLED", entry.GetProperty("status").GetString());
        Assert.Equal(4, entry.GetProperty("sequence").GetInt32());
        Assert.Single(entry.GetProperty("attendees").EnumerateArray());
    }

    [Fact]
    public void Write_APublishedCopyNamesNoAttendee_SoNobodyIsAskedToAnswer()
    {
        var parsed = Parse(ICalendarWriter.Write(Invite(CalendarMethod.Publish, Event("u-5", "For the owner"))));

        Assert.Equal("PUBLISH", parsed.GetProperty("method").GetString());
        var entry = OnlyEvent(parsed);
        Assert.Empty(entry.GetProperty("attendees").EnumerateArray());
        Assert.Equal("mailto:owner@example.test", entry.GetProperty("organizer").GetProperty("address").GetString());
    }

    [Theory]
    [InlineData(false, false, CalendarMethod.Publish)]
    [InlineData(false, true, CalendarMethod.Publish)]
    [InlineData(true, false, CalendarMethod.Request)]
    [InlineData(true, true, CalendarMethod.Cancel)]
    public void MethodFor_GivesTheAttendeeAnInvitationAndEveryoneElseACopy(bool isAttendee, bool cancelled, CalendarMethod expected)
        => Assert.Equal(expected, CalendarInvite.MethodFor(isAttendee, cancelled));

    private static Instant Start => Instant.FromUtc(2026, 3, 9, 13, 0);

    private static CalendarEvent Event(string uid, string summary)
        => new(uid, 0, Start, Start + Duration.FromMinutes(30), summary, null, null, null, false, false);

    private static CalendarInvite Invite(CalendarMethod method, params CalendarEvent[] events)
        => new(method, new CalendarParty("owner@example.test", "Alex, \"the\" Owner"), new CalendarParty("ada@example.test", "Ada"), Stamp, events);

    private static JsonElement Parse(string text) => Assert.Single(ICalendarParser.Parse(text));

    private static JsonElement OnlyEvent(JsonElement calendar) => Assert.Single(calendar.GetProperty("events").EnumerateArray());

    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal);

    private static string Printable(string text) => string.Concat(text.Where(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029')));
}

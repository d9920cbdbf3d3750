using System.Text;
using System.Text.RegularExpressions;
using ManageBooking.Calendars;
using NodaTime;

namespace ManageBooking.Tests.Calendars;

public sealed partial class ICalendarWriterTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 3, 2, 12, 0, 5);

    [Fact]
    public void Write_FoldsEveryLineAt75OctetsWithoutSplittingCharacters()
    {
        var summary = "Réunion de 30 minutes — " + string.Concat(Enumerable.Repeat("élan ☕ ", 30));
        var text = ICalendarWriter.Write(Invite(CalendarMethod.Request, new CalendarEvent("u-1@example.test", 0, Start, Start + Duration.FromMinutes(30), summary, null, null, false, false)));

        var physical = text.Split("\r\n");
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' ')); // it did fold
        Assert.DoesNotContain('\uFFFD', text);
        Assert.Equal(summary, Parse(text)["SUMMARY"][0]);
    }

    [Fact]
    public void Write_EscapesCommasSemicolonsBackslashesAndNewlines()
    {
        var description = "Bring: laptop, charger; notes\\drafts\nSecond line\r\nThird";
        var text = ICalendarWriter.Write(Invite(CalendarMethod.Request, new CalendarEvent("u-2", 3, Start, Start + Duration.FromHours(1), "A, B; C", description, null, false, false)));

        Assert.Contains(@"SUMMARY:A\, B\; C", Unfold(text), StringComparison.Ordinal);
        Assert.Contains(@"DESCRIPTION:Bring: laptop\, charger\; notes\\drafts\nSecond line\nThird", Unfold(text), StringComparison.Ordinal);
        var parsed = Parse(text);
        Assert.Equal("A, B; C", parsed["SUMMARY"][0]);
        Assert.Equal("Bring: laptop, charger; notes\\drafts\nSecond line\nThird", parsed["DESCRIPTION"][0]);
    }

    [Fact]
    public void Write_ProducesAnInvitationThatParsesBackWithUtcTimesAndItsSequence()
    {
        var first = new CalendarEvent("lineage-1@managebooking", 2, Start, Start + Duration.FromMinutes(15), "Session 1", null, "https://bookings.example.test/booking/manage/x", false, false);
        var second = new CalendarEvent("lineage-2@managebooking", 0, Start + Duration.FromDays(1), Start + Duration.FromDays(1) + Duration.FromMinutes(15), "Session 2", null, null, true, false);

        var text = ICalendarWriter.Write(Invite(CalendarMethod.Request, first, second));

        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text); // every line ends with CRLF
        var parsed = Parse(text);
        Assert.Equal(["REQUEST"], parsed["METHOD"]);
        Assert.Equal(["lineage-1@managebooking", "lineage-2@managebooking"], parsed["UID"]);
        Assert.Equal(["2", "0"], parsed["SEQUENCE"]);
        Assert.Equal(["20260309T130000Z", "20260310T130000Z"], parsed["DTSTART"]);
        Assert.Equal(["20260302T120005Z", "20260302T120005Z"], parsed["DTSTAMP"]);
        Assert.Equal(["CONFIRMED", "TENTATIVE"], parsed["STATUS"]);
        Assert.Equal(["mailto:owner@example.test", "mailto:owner@example.test"], parsed["ORGANIZER"]);
        Assert.Equal(2, parsed["BEGIN"].Count(v => v == "VEVENT"));
    }

    [Fact]
    public void Write_ACancellationMarksEveryEntryCancelled()
    {
        var text = ICalendarWriter.Write(Invite(CalendarMethod.Cancel, new CalendarEvent("u-3", 4, Start, Start + Duration.FromMinutes(30), "Gone", null, null, false, true)));

        var parsed = Parse(text);
        Assert.Equal(["CANCEL"], parsed["METHOD"]);
        Assert.Equal(["CANCELLED"], parsed["STATUS"]);
        Assert.Equal(["4"], parsed["SEQUENCE"]);
    }

    private static Instant Start => Instant.FromUtc(2026, 3, 9, 13, 0);

    private static CalendarInvite Invite(CalendarMethod method, params CalendarEvent[] events)
        => new(method, "owner@example.test", "Alex, \"the\" Owner", "ada@example.test", "Ada", Stamp, events);

    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal);

    /// <summary>A minimal reader: unfold, split name from value, drop parameters, unescape TEXT.</summary>
    private static Dictionary<string, List<string>> Parse(string text)
    {
        var result = new Dictionary<string, List<string>>();
        foreach (var line in Unfold(text).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = ContentLine().Match(line);
            Assert.True(colon.Success, "not a content line: " + line);
            var name = colon.Groups["name"].Value;
            var value = colon.Groups["value"].Value;
            value = Regex.Replace(value, @"\\([\\;,nN])", m => m.Groups[1].Value is "n" or "N" ? "\n" : m.Groups[1].Value);
            (result.TryGetValue(name, out var list) ? list : result[name] = []).Add(value);
        }

        return result;
    }

    [GeneratedRegex("^(?<name>[A-Z-]+)(;[^:]*(\"[^\"]*\")?[^:]*)*:(?<value>.*)$")]
    private static partial Regex ContentLine();
}

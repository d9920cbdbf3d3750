using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Calendars;

/// <summary>
/// Writes RFC 5545 iCalendar text for iTIP (RFC 5546) invitations and cancellations. No maintained iCalendar library
/// can be restored here, so this is a small writer: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped, times in UTC.
/// </summary>
public static class ICalendarWriter
{
    private const int MaxOctets = 75;
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    public static string Write(CalendarInvite invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//ManageBooking//ManageBooking//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:" + invite.Method switch { CalendarMethod.Cancel => "CANCEL", CalendarMethod.Publish => "PUBLISH", _ => "REQUEST" },
        };
        foreach (var entry in invite.Events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + EscapeText(entry.Uid));
            lines.Add("SEQUENCE:" + entry.Sequence.ToString(CultureInfo.InvariantCulture));
            lines.Add("DTSTAMP:" + UtcPattern.Format(invite.Stamp));
            lines.Add("DTSTART:" + UtcPattern.Format(entry.Start));
            lines.Add("DTEND:" + UtcPattern.Format(entry.End));
            lines.Add("SUMMARY:" + EscapeText(entry.Summary));
            if (!string.IsNullOrEmpty(entry.Description))
            {
                lines.Add("DESCRIPTION:" + EscapeText(entry.Description));
            }

            if (!string.IsNullOrEmpty(entry.Location))
            {
                lines.Add("LOCATION:" + EscapeText(entry.Location));
            }

            if (!string.IsNullOrEmpty(entry.Url))
            {
                lines.Add("URL:" + entry.Url);
            }

            lines.Add($"ORGANIZER;CN={QuoteParameter(invite.OrganizerName)}:mailto:{invite.OrganizerEmail}");
            if (invite.AttendeeEmail is not null)
            {
                lines.Add($"ATTENDEE;CN={QuoteParameter(invite.AttendeeName ?? invite.AttendeeEmail)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:{invite.AttendeeEmail}");
            }

            lines.Add("STATUS:" + (entry.Cancelled || invite.Method == CalendarMethod.Cancel ? "CANCELLED" : entry.Tentative ? "TENTATIVE" : "CONFIRMED"));
            lines.Add("TRANSP:OPAQUE");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    /// <summary>TEXT escaping of RFC 5545 section 3.3.11: backslash, semicolon, comma and newlines.</summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
    }

    /// <summary>A parameter value in double quotes (no quotes inside allowed, so they are dropped).</summary>
    private static string QuoteParameter(string value) => "\"" + value.Replace("\"", "", StringComparison.Ordinal) + "\"";

    /// <summary>Folds a content line into chunks of at most 75 octets; continuation lines start with one space.</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}

using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Calendars;

/// <summary>
/// Writes RFC 5545 iCalendar text for iTIP (RFC 5546) invitations, cancellations and published copies. No maintained
/// iCalendar library can be restored here, so this is a small writer: CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 character, times in UTC. Whatever a value holds, it stays inside its property: TEXT is escaped,
/// parameter values are quoted, and control characters (the CR and LF that would start a new property) never pass.
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
            "METHOD:" + MethodName(invite.Method),
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
            if (!string.IsNullOrWhiteSpace(entry.Location))
            {
                lines.Add("LOCATION:" + EscapeText(entry.Location));
            }

            if (!string.IsNullOrEmpty(entry.Description))
            {
                lines.Add("DESCRIPTION:" + EscapeText(entry.Description));
            }

            if (entry.Url is { IsAbsoluteUri: true } url)
            {
                lines.Add("URL:" + WithoutControls(url.AbsoluteUri));
            }

            lines.Add("ORGANIZER;CN=" + QuoteParameter(invite.Organizer.Name) + ":" + MailTo(invite.Organizer.Email));
            if (invite.Attendee is { } attendee && invite.Method != CalendarMethod.Publish)
            {
                // The customer booked it themselves: accepted already, and no reply is expected (nothing would read one).
                lines.Add("ATTENDEE;CN=" + QuoteParameter(attendee.Name) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:" + MailTo(attendee.Email));
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

    /// <summary>The METHOD value, also the MIME part's method parameter.</summary>
    public static string MethodName(CalendarMethod method) => method switch
    {
        CalendarMethod.Cancel => "CANCEL",
        CalendarMethod.Publish => "PUBLISH",
        _ => "REQUEST",
    };

    /// <summary>
    /// TEXT escaping of RFC 5545 section 3.3.11: backslash, semicolon, comma and line breaks; every other control
    /// character is dropped, since TEXT may not hold one.
    /// </summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    text.Append(@"\\");
                    break;
                case ';':
                    text.Append(@"\;");
                    break;
                case ',':
                    text.Append(@"\,");
                    break;
                case '\r':
                    text.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\u2028' or '\u2029' or '\u0085':
                    text.Append(@"\n");
                    break;
                case '\t':
                    text.Append(' ');
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A parameter value (a CN) in double quotes: a quoted value may hold ';', ':' and ',' but no DQUOTE and no control
    /// character, so those are dropped (RFC 5545 section 3.1).
    /// </summary>
    private static string QuoteParameter(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value.Where(c => c != '"' && !char.IsControl(c) && c is not ('\u2028' or '\u2029')))
        {
            text.Append(c);
        }

        return text.Append('"').ToString();
    }

    /// <summary>A calendar address: addresses are checked on the way in, but nothing may end the line here either.</summary>
    private static string MailTo(string email) => "mailto:" + WithoutControls(email).Replace(";", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);

    private static string WithoutControls(string value) => string.Concat(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));

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

using System.Text;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Calendars;

/// <summary>
/// "Add to calendar" links that open a new event in Google Calendar or Outlook on the web, filled from a session. The
/// times go in UTC, so the reader's calendar shows them in its own zone.
/// </summary>
public static class CalendarLinks
{
    private static readonly InstantPattern Basic = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");
    private static readonly InstantPattern Extended = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>Google Calendar's event template: text, dates start/end, details, location.</summary>
    public static string Google(CalendarEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Build("https://calendar.google.com/calendar/render", [
            ("action", "TEMPLATE"),
            ("text", entry.Summary),
            ("dates", $"{Basic.Format(entry.Start)}/{Basic.Format(entry.End)}"),
            ("details", entry.Description),
            ("location", entry.Location),
        ]);
    }

    /// <summary>Outlook on the web's compose deep link: subject, startdt, enddt, body, location.</summary>
    public static string Outlook(CalendarEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Build("https://outlook.live.com/calendar/0/deeplink/compose", [
            ("path", "/calendar/action/compose"),
            ("rru", "addevent"),
            ("subject", entry.Summary),
            ("startdt", Extended.Format(entry.Start)),
            ("enddt", Extended.Format(entry.End)),
            ("body", entry.Description),
            ("location", entry.Location),
        ]);
    }

    private static string Build(string address, IEnumerable<(string Name, string? Value)> query)
    {
        var url = new StringBuilder(address);
        var separator = '?';
        foreach (var (name, value) in query.Where(q => !string.IsNullOrEmpty(q.Value)))
        {
            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value!));
            separator = '&';
        }

        return url.ToString();
    }
}

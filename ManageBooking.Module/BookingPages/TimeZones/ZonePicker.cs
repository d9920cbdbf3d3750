using System.Globalization;

namespace ManageBooking.BookingPages.TimeZones;

/// <summary>
/// Reads a zone field as a person fills it without the picker's script: an IANA id, or a city or country in the page's
/// language ("Londres", "new york", "Japon"). One clear match is taken; several are offered to choose from.
/// </summary>
public sealed class ZonePicker(ZoneDirectory directory)
{
    public ZoneChoice Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ZoneChoice.None;
        }

        if (Scheduling.Zones.Find(text) is { } zone)
        {
            return new ZoneChoice(zone, [], text);
        }

        var matches = directory.Search(text, CultureInfo.CurrentUICulture);
        var words = string.Join(' ', ZoneDirectory.Words(text));
        var exact = matches.Where(m => string.Join(' ', ZoneDirectory.Words(m.City)) == words || string.Join(' ', ZoneDirectory.Words(m.Label)) == words).ToList();
        var chosen = matches.Count == 1 ? matches[0] : exact.Count == 1 ? exact[0] : null;
        return chosen is null
            ? new ZoneChoice(null, matches, text)
            : new ZoneChoice(Scheduling.Zones.Find(chosen.Id), [], text);
    }

    /// <summary>
    /// The field for <paramref name="zoneId"/> in force, with what <paramref name="choice"/> left to choose;
    /// <paramref name="addressOf"/> gives the page's address in another zone.
    /// </summary>
    public ZoneFieldModel Field(string zoneId, ZoneChoice choice, Func<string, string> addressOf)
    {
        ArgumentNullException.ThrowIfNull(addressOf);
        ArgumentNullException.ThrowIfNull(choice);
        var culture = CultureInfo.CurrentUICulture;
        var (_, version) = directory.File(culture);
        var unmatched = choice.Zone is null && choice.Text is not null ? choice.Text : null;
        return new ZoneFieldModel(
            directory.Find(zoneId, culture)?.Label ?? zoneId.Replace('_', ' '),
            zoneId,
            $"/booking/time-zones/{culture.Name}.json?v={version}",
            [.. choice.Matches.Select(m => (m.Label, addressOf(m.Id)))],
            unmatched);
    }
}

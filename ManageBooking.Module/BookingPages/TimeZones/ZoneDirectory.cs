using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime.TimeZones;

namespace ManageBooking.BookingPages.TimeZones;

/// <summary>
/// The zones customers choose from, named in their language (city and country names from Unicode CLDR, in the
/// ZoneNames resources), searchable by those names, by the English ones and by the IANA id. The same list is served
/// once per language as a static JSON file the picker's script searches, so pages carry no list at all.
/// </summary>
public sealed class ZoneDirectory
{
    private static readonly ResourceManager Names = new("ManageBooking.Resources.Localization.ZoneNames", typeof(ZoneDirectory).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly ConcurrentDictionary<string, Catalog> _catalogs = new(StringComparer.Ordinal);

    /// <summary>Every zone offered, in the order of their labels in <paramref name="culture"/>.</summary>
    public IReadOnlyList<ZoneEntry> For(CultureInfo culture) => CatalogFor(culture).Entries;

    /// <summary>The zone of <paramref name="id"/> as <paramref name="culture"/> names it; null when it is not offered.</summary>
    public ZoneEntry? Find(string? id, CultureInfo culture)
        => id is not null && CatalogFor(culture).ById.TryGetValue(id, out var entry) ? entry : null;

    /// <summary>The list as the picker's script reads it, and a version that changes with its content (for its address).</summary>
    public (byte[] Json, string Version) File(CultureInfo culture)
    {
        var catalog = CatalogFor(culture);
        return (catalog.Json, catalog.Version);
    }

    /// <summary>
    /// Zones whose names hold every word of <paramref name="query"/> as the start of one of theirs, accents and case
    /// aside: a city named exactly so first, then cities starting so, then the rest.
    /// </summary>
    public IReadOnlyList<ZoneEntry> Search(string? query, CultureInfo culture, int max = 8)
    {
        var words = Words(query);
        if (words.Length == 0)
        {
            return [];
        }

        var whole = string.Join(' ', words);
        return [.. CatalogFor(culture).Searchable
            .Where(z => words.All(w => z.Words.Any(k => k.StartsWith(w, StringComparison.Ordinal))))
            .OrderBy(z => z.City == whole ? 0 : z.City.StartsWith(whole, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(z => z.Entry.Label, StringComparer.Create(culture, CompareOptions.IgnoreCase))
            .Take(max)
            .Select(z => z.Entry)];
    }

    /// <summary>Lower case, accents dropped, split at anything but letters and digits: "Saint-Barthélemy" is "saint barthelemy".</summary>
    internal static string[] Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // Anything but letters, digits and their marks becomes a space first: Normalize throws on noncharacters and
        // half surrogates, which a typed or forged query may hold.
        var kept = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark ? c : ' ';
            }
        });
        var plain = new StringBuilder(text.Length);
        foreach (var c in kept.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private Catalog CatalogFor(CultureInfo culture)
        => _catalogs.GetOrAdd(culture.Name, _ => Build(culture));

    private static Catalog Build(CultureInfo culture)
    {
        var countries = TzdbDateTimeZoneSource.Default.ZoneLocations!.ToDictionary(l => l.ZoneId, l => l.CountryCode);
        var ids = countries.Keys.Append("UTC").Distinct().Where(id => NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null);
        var entries = ids
            .Select(id =>
            {
                var code = countries.GetValueOrDefault(id);
                var (city, country) = (City(id, culture), code is null ? null : Names.GetString(code, culture) ?? code);
                var (englishCity, englishCountry) = (City(id, English), code is null ? null : Names.GetString(code, English) ?? code);
                var english = englishCity == city && englishCountry == country ? null : $"{englishCity} {englishCountry}".Trim();
                return new ZoneEntry(id, city, country, english);
            })
            .OrderBy(e => e.Label, StringComparer.Create(culture, CompareOptions.IgnoreCase))
            .ToList();
        var json = JsonSerializer.SerializeToUtf8Bytes(entries.Select(e => e.English is null
            ? new[] { e.Id, e.City, e.Country ?? "" }
            : [e.Id, e.City, e.Country ?? "", e.English]));
        var searchable = entries
            .Select(e => new Searchable(e, string.Join(' ', Words(e.City)), Words($"{e.City} {e.Country} {e.English} {e.Id.Replace('/', ' ').Replace('_', ' ')}")))
            .ToList();
        return new Catalog(entries, entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase), searchable, json, Convert.ToHexStringLower(SHA256.HashData(json))[..12]);
    }

    /// <summary>The CLDR city of a zone, else the last part of its id ("Argentina/ComodRivadavia" is "ComodRivadavia").</summary>
    private static string City(string id, CultureInfo culture)
        => id == "UTC" ? "UTC" : Names.GetString(id, culture) ?? id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');

    private sealed record Searchable(ZoneEntry Entry, string City, string[] Words);

    private sealed record Catalog(
        IReadOnlyList<ZoneEntry> Entries, IReadOnlyDictionary<string, ZoneEntry> ById, IReadOnlyList<Searchable> Searchable, byte[] Json, string Version);
}

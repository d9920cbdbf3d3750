using System.Globalization;
using ManageBooking.Scheduling;
using Microsoft.Extensions.Options;

namespace ManageBooking.Options;

/// <summary>
/// Checks the ManageBooking section when the site starts, so that a wrong setting stops it with the key to fix instead
/// of surfacing later as broken links in emails or a 500 on some page.
/// </summary>
public sealed class ManageBookingOptionsValidator : IValidateOptions<ManageBookingOptions>
{
    private const string Section = ManageBookingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ManageBookingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!IsPublicAddress(options.BaseUrl))
        {
            problems.Add($"{Section}:BaseUrl is '{options.BaseUrl}': set the site's public address, an absolute http or https URL such as https://book.example.com/ (no query or fragment).");
        }

        if (Zones.Find(options.TimeZone) is null)
        {
            problems.Add($"{Section}:TimeZone is '{options.TimeZone}': use an IANA time zone id such as Europe/Paris or UTC.");
        }

        if (!Enum.IsDefined(options.Database.Provider))
        {
            problems.Add($"{Section}:Database:Provider is '{options.Database.Provider}': use Sqlite or Postgres.");
        }

        foreach (var culture in options.Cultures ?? [])
        {
            if (!IsKnownCulture(culture))
            {
                problems.Add($"{Section}:Cultures has '{culture}': use culture names such as en, fr or fr-CA.");
            }
        }

        if (options.Cultures is { Length: > 0 } cultures && cultures.Distinct(StringComparer.OrdinalIgnoreCase).Count() != cultures.Length)
        {
            problems.Add($"{Section}:Cultures names a language twice.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsPublicAddress(Uri? address)
        => address is { IsAbsoluteUri: true }
            && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(address.Host)
            && string.IsNullOrEmpty(address.UserInfo)
            && string.IsNullOrEmpty(address.Query)
            && string.IsNullOrEmpty(address.Fragment);

    private static bool IsKnownCulture(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return false;
        }

        try
        {
            return !CultureInfo.GetCultureInfo(culture, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}

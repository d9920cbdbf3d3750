using System.Globalization;
using ManageBooking.Options;

namespace ManageBooking.Localization;

/// <summary>The languages the customer pages speak; the first is the site's own, used for emails and as the fallback.</summary>
public sealed class SiteCultures
{
    /// <summary>Languages with a complete translation of the customer-facing text.</summary>
    public static readonly IReadOnlyList<string> Translated = ["en", "fr"];

    public SiteCultures(ManageBookingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = options.Cultures is { Length: > 0 } configured ? configured : [.. Translated];
        Supported = [.. names.Select(CultureInfo.GetCultureInfo)];
        Default = Supported[0];
    }

    public IReadOnlyList<CultureInfo> Supported { get; }

    public CultureInfo Default { get; }

    /// <summary>The request's culture as a booking keeps it: one the site offers, other than its own; else null.</summary>
    public string? Chosen(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var offered = Supported.FirstOrDefault(c => c.Name == culture.Name);
        return offered is null || offered.Name == Default.Name ? null : offered.Name;
    }

    /// <summary>The culture a booking's customer reads: the one they booked in, when the site still offers it.</summary>
    public CultureInfo For(string? bookingCulture)
        => Supported.FirstOrDefault(c => c.Name == bookingCulture) ?? Default;

    /// <summary>Runs code in a culture and puts the caller's back afterwards (an email is written wholly in one language).</summary>
    public static async Task<T> InCultureAsync<T>(CultureInfo culture, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return await work();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}

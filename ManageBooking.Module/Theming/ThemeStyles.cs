using System.Runtime.CompilerServices;
using ManageBooking.Options;
using Microsoft.Extensions.Options;

namespace ManageBooking.Theming;

/// <summary>
/// The style element's CSS of a theme: its palette and its custom CSS sanitised again, worked out once per settings
/// snapshot. <see cref="ThemeSettingsStore"/> hands out the same instance until the settings' version changes, so every
/// page between two saves reuses one string instead of tokenising the custom CSS and computing contrasts again.
/// </summary>
public sealed class ThemeStyles(IOptions<ManageBookingOptions> site)
{
    private readonly ConditionalWeakTable<ThemeSettings, string> _css = [];

    /// <summary>The CSS to write into the page (empty when the theme changes nothing), safe inside a style element.</summary>
    public string For(ThemeSettings theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return _css.GetValue(theme, Build);
    }

    private string Build(ThemeSettings theme)
    {
        var colours = ThemePalette.Css(theme);
        if (colours.Length == 0 && string.IsNullOrWhiteSpace(theme.CustomCss))
        {
            return "";
        }

        // Saving refuses unsafe CSS; sanitising again here covers rows saved before that rule, or written by hand.
        var extra = CssSanitizer.Sanitize(theme.CustomCss, site.Value.BaseUrl).Css;
        return colours + "\n" + ThemeSettingsStore.SafeCss(extra);
    }
}

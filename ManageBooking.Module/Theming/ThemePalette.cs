using System.Globalization;
using System.Text;

namespace ManageBooking.Theming;

/// <summary>
/// Turns the owner's brand and accent colours into CSS custom properties for both schemes. The colour is used as it is
/// in the light scheme (the admin form refuses one that does not read on the light surfaces); the dark scheme gets the
/// nearest lighter shade that reads on its surfaces, and text on filled buttons is black or white, whichever reads.
/// </summary>
public static class ThemePalette
{
    // The theme's own values (wwwroot/theme.css of ManageBooking.Theme); the checks are made against these surfaces.
    public const string LightBrand = "#1f5fbf";
    public const string LightSurface = "#ffffff";
    public const string LightBackground = "#f5f6f8";
    public const string DarkSurface = "#1b2027";
    public const string DarkBackground = "#111418";

    /// <summary>The lower of the colour's contrasts with the light scheme's card and page backgrounds.</summary>
    public static double LightContrast(string color) => Math.Min(ColorContrast.Ratio(color, LightSurface), ColorContrast.Ratio(color, LightBackground));

    /// <summary>Why the colour cannot be used as text and button colour in the light scheme, or null when it can.</summary>
    public static string? LightProblem(string color)
    {
        var ratio = LightContrast(color);
        if (ratio >= ColorContrast.TextMinimum)
        {
            return null;
        }

        var suggestion = ColorContrast.Readable(ColorContrast.Readable(color, LightBackground), LightSurface);
        return string.Create(CultureInfo.InvariantCulture,
            $"Text in {color} on the page's light background has a contrast of {ratio:0.0}:1; links and buttons need at least 4.5:1. A darker shade such as {suggestion} reads well.");
    }

    /// <summary>A colour that reads on both dark-scheme backgrounds: the colour itself, or the nearest lighter shade.</summary>
    public static string DarkTwin(string color) => ColorContrast.Readable(ColorContrast.Readable(color, DarkSurface), DarkBackground);

    /// <summary>The style rules for the owner's colours, or an empty string when the theme's own apply.</summary>
    public static string Css(ThemeSettings theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var brand = Usable(theme.BrandColor);
        var accent = Usable(theme.AccentColor);
        if (brand is null && accent is null)
        {
            return "";
        }

        var light = new StringBuilder(":root {");
        var dark = new StringBuilder("@media (prefers-color-scheme: dark) { :root {");
        if (brand is not null)
        {
            var twin = DarkTwin(brand);
            light.Append(CultureInfo.InvariantCulture, $" --mb-brand: {brand}; --mb-brand-contrast: {ColorContrast.TextOn(brand)};");
            dark.Append(CultureInfo.InvariantCulture, $" --mb-brand: {twin}; --mb-brand-contrast: {ColorContrast.TextOn(twin)};");
        }

        if (accent is not null)
        {
            light.Append(CultureInfo.InvariantCulture, $" --mb-accent: {accent};");
            dark.Append(CultureInfo.InvariantCulture, $" --mb-accent: {DarkTwin(accent)};");
        }

        return light.Append(" }\n").Append(dark).Append(" } }").ToString();
    }

    // Settings stored before the check existed still render in a readable shade.
    private static string? Usable(string? color)
        => color is null || !ColorContrast.IsColor(color) ? null
            : LightProblem(color) is null ? color
            : ColorContrast.Readable(ColorContrast.Readable(color, LightBackground), LightSurface);
}

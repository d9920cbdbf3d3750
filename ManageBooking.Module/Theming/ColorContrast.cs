using System.Globalization;

namespace ManageBooking.Theming;

/// <summary>
/// WCAG 2 contrast between sRGB colours written #rrggbb: relative luminance, contrast ratio, and the nearest shade of a
/// colour that reaches a ratio, so an owner's brand colour can be checked and given readable text and a dark-scheme twin.
/// </summary>
public static class ColorContrast
{
    /// <summary>Normal text (WCAG 2 AA 1.4.3).</summary>
    public const double TextMinimum = 4.5;

    public static bool IsColor(string? text)
        => text is { Length: 7 } && text[0] == '#' && int.TryParse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _);

    public static double Ratio(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>Black or white, whichever reads better on the colour.</summary>
    public static string TextOn(string background)
        => Ratio(background, "#000000") >= Ratio(background, "#ffffff") ? "#000000" : "#ffffff";

    /// <summary>
    /// The colour itself when it already reaches <paramref name="minimum"/> against <paramref name="background"/>, else the
    /// first step of it towards black or white (whichever the background is further from) that does.
    /// </summary>
    public static string Readable(string color, string background, double minimum = TextMinimum)
    {
        var target = Luminance(background) > 0.5 ? "#000000" : "#ffffff";
        for (var step = 0; step <= 20; step++)
        {
            var candidate = Mix(color, target, step / 20.0);
            if (Ratio(candidate, background) >= minimum)
            {
                return candidate;
            }
        }

        return target;
    }

    public static string Mix(string color, string target, double amount)
    {
        var (r1, g1, b1) = Channels(color);
        var (r2, g2, b2) = Channels(target);
        int Blend(int from, int to) => (int)Math.Round(from + ((to - from) * amount));
        return string.Create(CultureInfo.InvariantCulture, $"#{Blend(r1, r2):x2}{Blend(g1, g2):x2}{Blend(b1, b2):x2}");
    }

    public static double Luminance(string color)
    {
        var (r, g, b) = Channels(color);
        return (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));
    }

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static (int R, int G, int B) Channels(string color)
    {
        if (!IsColor(color))
        {
            throw new FormatException($"\"{color}\" is not a colour like #1f5fbf.");
        }

        var value = int.Parse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return ((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
    }
}

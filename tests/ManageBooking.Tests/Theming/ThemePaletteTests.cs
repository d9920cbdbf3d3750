using ManageBooking.Theming;

namespace ManageBooking.Tests.Theming;

public sealed class ThemePaletteTests
{
    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)] // the lightest grey that passes AA on white
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#1f5fbf", "#ffffff", 6.09)] // the theme's own brand
    public void Ratio_FollowsWcag2(string first, string second, double expected)
        => Assert.Equal(expected, ColorContrast.Ratio(first, second), precision: 2);

    [Theory]
    [InlineData("#1f5fbf", "#ffffff")]
    [InlineData("#f2c230", "#000000")]
    [InlineData("#7fb0ff", "#000000")]
    public void TextOn_PicksTheReadableOneOfBlackAndWhite(string background, string expected)
        => Assert.Equal(expected, ColorContrast.TextOn(background));

    [Theory]
    [InlineData("#1f5fbf")]
    [InlineData("#7a1f5c")]
    [InlineData("#0f7b6c")]
    [InlineData("#000000")]
    public void EveryColourTheLightSchemeAccepts_GetsADarkTwinThatReadsOnBothDarkBackgrounds(string color)
    {
        Assert.Null(ThemePalette.LightProblem(color));

        var twin = ThemePalette.DarkTwin(color);

        Assert.True(ColorContrast.Ratio(twin, ThemePalette.DarkSurface) >= 4.5, $"{twin} on the dark surface");
        Assert.True(ColorContrast.Ratio(twin, ThemePalette.DarkBackground) >= 4.5, $"{twin} on the dark background");
        Assert.True(ColorContrast.Ratio(twin, ColorContrast.TextOn(twin)) >= 4.5, $"text on {twin}");
    }

    [Fact]
    public void Css_SetsBothSchemes_AndMendsAStoredColourThatNoLongerPasses()
    {
        var css = ThemePalette.Css(new ThemeSettings { BrandColor = "#ffd84d" });

        var light = System.Text.RegularExpressions.Regex.Match(css, @"^:root \{ --mb-brand: (#[0-9a-f]{6}); --mb-brand-contrast: (#[0-9a-f]{6});").Groups;
        Assert.True(ThemePalette.LightContrast(light[1].Value) >= 4.5, css);
        Assert.Contains("@media (prefers-color-scheme: dark)", css, StringComparison.Ordinal);
        Assert.Equal("", ThemePalette.Css(new ThemeSettings()));
    }
}

namespace ManageBooking.Theming;

/// <summary>The theme settings as an email needs them: resolved colours (mail clients know no custom properties) and an absolute logo.</summary>
public sealed record EmailBrand(string SiteName, string Color, string TextColor, Uri? LogoUrl)
{
    public static EmailBrand From(ThemeSettings theme, string defaultSiteName, Func<string, Uri> absolute)
    {
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(absolute);
        var color = theme.BrandColor ?? ThemePalette.LightBrand;
        return new EmailBrand(
            string.IsNullOrWhiteSpace(theme.SiteName) ? defaultSiteName : theme.SiteName,
            color,
            ColorContrast.TextOn(color),
            theme.LogoUrl is null ? null : absolute(theme.LogoUrl));
    }
}

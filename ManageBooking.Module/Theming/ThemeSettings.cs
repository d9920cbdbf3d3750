namespace ManageBooking.Theming;

/// <summary>What site editors change in the theme without a rebuild: colours, name, logo and extra CSS.</summary>
public sealed class ThemeSettings
{
    /// <summary>The one row's key.</summary>
    public int Id { get; set; } = 1;

    public string? SiteName { get; set; }

    /// <summary>#rrggbb, or null for the theme's own.</summary>
    public string? BrandColor { get; set; }

    public string? AccentColor { get; set; }

    public string? LogoUrl { get; set; }

    public string? CustomCss { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

using System.ComponentModel.DataAnnotations;

namespace ManageBooking.Admin.ViewModels;

/// <summary>The theme settings form.</summary>
public sealed class ThemeForm
{
    [StringLength(100, ErrorMessage = "At most 100 characters.")]
    public string? SiteName { get; set; }

    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "A colour like #1f5fbf.")]
    public string? BrandColor { get; set; }

    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "A colour like #0f7b6c.")]
    public string? AccentColor { get; set; }

    [RegularExpression("^(https?://|/)[^\"'<>\\s]*$", ErrorMessage = "An address starting with https://, http:// or /.")]
    [StringLength(500)]
    public string? LogoUrl { get; set; }

    [StringLength(20_000, ErrorMessage = "At most 20,000 characters.")]
    public string? CustomCss { get; set; }
}

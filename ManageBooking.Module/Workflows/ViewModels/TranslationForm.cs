namespace ManageBooking.Workflows.ViewModels;

/// <summary>An email task's subject and body in one of the site's other languages, as the rule editor posts them.</summary>
public sealed class TranslationForm
{
    public string Culture { get; set; } = "";

    /// <summary>The language's own name ("Français"), for the legend.</summary>
    public string? Language { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }
}

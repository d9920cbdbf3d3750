namespace ManageBooking.Admin.ViewModels;

/// <summary>A question's words in one other language of the site; empty fields fall back to the site's own words.</summary>
public sealed class QuestionTranslationForm
{
    public string? Culture { get; set; }

    public string? Label { get; set; }

    public string? Help { get; set; }

    /// <summary>The options' names, one a line, in the same order as the options.</summary>
    public string? Choices { get; set; }
}

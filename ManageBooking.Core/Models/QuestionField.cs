namespace ManageBooking.Models;

/// <summary>
/// One question of a booking page. The booking page is an Orchard Core content type and its questions are the type's
/// fields: <see cref="Key"/> is the field's technical name, <see cref="Label"/> its display name, <see cref="Kind"/> its
/// field type, and the answers a booking keeps are the field's values on that content item.
/// </summary>
public sealed class QuestionField
{
    public const int KeyMaxLength = 40;
    public const int LabelMaxLength = 200;
    public const int HelpMaxLength = 500;
    public const int ChoiceMaxLength = 100;
    public const int MaxChoices = 30;

    /// <summary>The stable name clients and templates use (<c>answers.budget</c>, <c>{{answers.budget}}</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>The question as the site's own language asks it.</summary>
    public string Label { get; set; } = "";

    public string? Help { get; set; }

    public QuestionKind Kind { get; set; }

    public bool Required { get; set; }

    /// <summary>The options of a choice question, in the site's own language; an answer holds these values.</summary>
    public List<string> Choices { get; set; } = [];

    /// <summary>The label, help and option names in the site's other languages.</summary>
    public List<QuestionFieldTranslation> Translations { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasChoices => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    /// <summary>The question as a reader of <paramref name="culture"/> sees it; the site's own words where no translation exists.</summary>
    public QuestionFieldTranslation In(string? culture)
    {
        // "fr-CA" reads the French words when there are no Canadian ones.
        var language = culture?.Split('-')[0];
        var translation = Translations.FirstOrDefault(t => string.Equals(t.Culture, culture, StringComparison.OrdinalIgnoreCase))
            ?? Translations.FirstOrDefault(t => string.Equals(t.Culture, language, StringComparison.OrdinalIgnoreCase));
        var choices = Choices
            .Select((choice, i) => translation?.Choices is { } names && i < names.Count && !string.IsNullOrWhiteSpace(names[i]) ? names[i] : choice)
            .ToList();
        return new QuestionFieldTranslation(
            culture ?? "",
            string.IsNullOrWhiteSpace(translation?.Label) ? Label : translation.Label,
            string.IsNullOrWhiteSpace(translation?.Help) ? Help : translation.Help,
            choices);
    }
}

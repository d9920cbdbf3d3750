using System.ComponentModel.DataAnnotations;
using ManageBooking.Models;

namespace ManageBooking.Admin.ViewModels;

/// <summary>One question in the page editor: a field of the page's content type, with its words in the site's other languages.</summary>
public sealed class QuestionForm
{
    public string? Key { get; set; }

    public string? Label { get; set; }

    public string? Help { get; set; }

    public QuestionKind Kind { get; set; }

    public bool Required { get; set; }

    /// <summary>The options of a choice question, one a line.</summary>
    public string? Choices { get; set; }

    /// <summary>Where it is asked: lower numbers first; rows without a number come last.</summary>
    [Range(0, 999, ErrorMessage = "Between 0 and 999.")]
    public int? Order { get; set; }

    public bool Remove { get; set; }

    public List<QuestionTranslationForm> Translations { get; set; } = [];

    /// <summary>An empty row of the editor (the ones offered for adding a question) asks nothing.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Choices);

    public static QuestionForm From(QuestionField question, IEnumerable<string> otherCultures, int order)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new QuestionForm
        {
            Key = question.Key,
            Label = question.Label,
            Help = question.Help,
            Kind = question.Kind,
            Required = question.Required,
            Choices = string.Join('\n', question.Choices),
            Order = order,
            Translations = [.. otherCultures.Select(culture => question.Translations.FirstOrDefault(t => t.Culture == culture) is { } t
                ? new QuestionTranslationForm { Culture = culture, Label = t.Label, Help = t.Help, Choices = string.Join('\n', t.Choices) }
                : new QuestionTranslationForm { Culture = culture })],
        };
    }

    public QuestionField ToField() => new()
    {
        Key = Key ?? "",
        Label = Label ?? "",
        Help = Help,
        Kind = Kind,
        Required = Required,
        Choices = Lines(Choices),
        Translations = [.. Translations.Where(t => !string.IsNullOrWhiteSpace(t.Culture))
            .Select(t => new QuestionFieldTranslation(t.Culture!, t.Label ?? "", t.Help, Lines(t.Choices)))],
    };

    private static List<string> Lines(string? text)
        => [.. (text ?? "").Split('\n').Select(l => l.TrimEnd('\r'))];
}

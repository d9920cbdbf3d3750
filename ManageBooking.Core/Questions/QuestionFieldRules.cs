using System.Text.RegularExpressions;
using ManageBooking.Models;

namespace ManageBooking.Questions;

/// <summary>
/// What makes a page's questions valid, as the page editor saves them: keys templates and clients can use, labels,
/// options for choice questions, translations that fit. Failures are named after the editor's fields.
/// </summary>
public static partial class QuestionFieldRules
{
    public const int MaxQuestions = 30;

    /// <summary>
    /// Normalises <paramref name="questions"/> in place (trimmed text, options dropped from kinds without them) and adds
    /// what is wrong to <paramref name="errors"/>, under "Questions[i].Field".
    /// </summary>
    public static void Validate(IList<QuestionField> questions, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(errors);
        if (questions.Count > MaxQuestions)
        {
            errors["Questions"] = [$"A page can ask at most {MaxQuestions} questions."];
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var field = $"Questions[{i}].";
            question.Key = (question.Key ?? "").Trim();
            question.Label = (question.Label ?? "").Trim();
            question.Help = string.IsNullOrWhiteSpace(question.Help) ? null : question.Help.Trim();
            question.Choices = question.HasChoices ? [.. (question.Choices ?? []).Select(c => c.Trim()).Where(c => c.Length > 0)] : [];
            if (!Key().IsMatch(question.Key))
            {
                errors[field + "Key"] = ["A key is lower-case letters, digits and underscores, starting with a letter (budget, company_size), at most 40 characters."];
            }
            else if (!keys.Add(question.Key))
            {
                errors[field + "Key"] = ["Another question already has this key."];
            }

            if (question.Label.Length == 0)
            {
                errors[field + "Label"] = ["Write the question."];
            }
            else if (question.Label.Length > QuestionField.LabelMaxLength)
            {
                errors[field + "Label"] = ["A question can be at most 200 characters."];
            }

            if (question.Help is { Length: > QuestionField.HelpMaxLength })
            {
                errors[field + "Help"] = ["Help text can be at most 500 characters."];
            }

            if (ChoicesProblem(question) is { } problem)
            {
                errors[field + "Choices"] = [problem];
            }

            TranslationsProblems(question, field, errors);
        }
    }

    private static string? ChoicesProblem(QuestionField question)
    {
        if (!question.HasChoices)
        {
            return null;
        }

        if (question.Choices.Count == 0)
        {
            return "Give the options, one a line.";
        }

        if (question.Choices.Count > QuestionField.MaxChoices)
        {
            return "At most 30 options.";
        }

        if (question.Choices.Any(c => c.Length > QuestionField.ChoiceMaxLength))
        {
            return "An option can be at most 100 characters.";
        }

        return question.Choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != question.Choices.Count
            ? "Each option must be different."
            : null;
    }

    private static void TranslationsProblems(QuestionField question, string field, IDictionary<string, string[]> errors)
    {
        var kept = new List<QuestionFieldTranslation>();
        foreach (var translation in question.Translations ?? [])
        {
            var label = translation.Label?.Trim() ?? "";
            var help = string.IsNullOrWhiteSpace(translation.Help) ? null : translation.Help.Trim();
            var choices = question.HasChoices ? (translation.Choices ?? []).Select(c => c?.Trim() ?? "").ToList() : [];
            while (choices.Count > 0 && choices[^1].Length == 0)
            {
                choices.RemoveAt(choices.Count - 1);
            }

            var prefix = $"{field}Translations[{translation.Culture}].";
            if (label.Length > QuestionField.LabelMaxLength)
            {
                errors[prefix + "Label"] = ["A question can be at most 200 characters."];
            }

            if (help is { Length: > QuestionField.HelpMaxLength })
            {
                errors[prefix + "Help"] = ["Help text can be at most 500 characters."];
            }

            if (choices.Count > question.Choices.Count)
            {
                errors[prefix + "Choices"] = ["Give one translated option a line, in the same order as the options: no more lines than options."];
            }
            else if (choices.Any(c => c.Length > QuestionField.ChoiceMaxLength))
            {
                errors[prefix + "Choices"] = ["An option can be at most 100 characters."];
            }

            if (label.Length > 0 || help is not null || choices.Count > 0)
            {
                kept.Add(new QuestionFieldTranslation(translation.Culture, label, help, choices));
            }
        }

        question.Translations = kept;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex Key();
}

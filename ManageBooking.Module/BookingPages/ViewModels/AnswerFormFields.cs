using ManageBooking.Models;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The booking form's answer fields: one input named <c>answers.{key}</c> per question (several for a multiple choice).</summary>
public static class AnswerFormFields
{
    public const string Prefix = "answers.";

    /// <summary>What the form posted for each of the page's questions; fields of questions the page does not ask are ignored.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(IFormCollection form, IEnumerable<QuestionField> questions)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(questions);
        return questions
            .Where(q => form.ContainsKey(Prefix + q.Key))
            .ToDictionary(q => q.Key, q => (IReadOnlyList<string>)[.. form[Prefix + q.Key].OfType<string>()], StringComparer.Ordinal);
    }

    /// <summary>The id of a question's input; keys are lower-case letters, digits and underscores, so always a valid id.</summary>
    public static string InputId(QuestionField question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return "q-" + question.Key;
    }
}

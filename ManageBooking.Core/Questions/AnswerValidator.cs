using System.Globalization;
using System.Text;
using ManageBooking.Bookings;
using ManageBooking.Models;

namespace ManageBooking.Questions;

/// <summary>
/// Checks answers against a page's questions, the same for the booking form, the API and staff corrections: every
/// question at once, each failure named by the question's key (<c>answers.{key}</c>), values stored in an invariant form.
/// </summary>
public static class AnswerValidator
{
    public const int ShortTextMaxLength = 200;
    public const int LongTextMaxLength = 2000;

    public const string Required = "Answer this question.";
    public const string ChoiceRequired = "Choose an option.";
    public const string CheckboxRequired = "Tick this box to continue.";
    public const string OneAnswer = "Give one answer to this question.";
    public const string ShortTextTooLong = "An answer can be at most 200 characters.";
    public const string LongTextTooLong = "An answer can be at most 2000 characters.";
    public const string NotAnEmail = "Enter an email address such as name@example.com.";
    public const string NotAPhone = "Enter a phone number, such as +1 555 010 0199.";
    public const string NotANumber = "Enter a number, such as 12 or 2.5.";
    public const string NotADate = "Enter a date as year-month-day, such as 2026-03-09.";
    public const string NotAChoice = "Choose one of the options offered.";
    public const string NotYesOrNo = "Answer true or false.";
    public const string UnknownQuestion = "This page has no question with this key.";

    /// <summary>The name a failure of question <paramref name="key"/> is reported under.</summary>
    public static FieldKey ErrorKey(string key) => FieldKey.Answer(key);

    /// <summary>
    /// The answers to keep, in the page's order; failures are added to <paramref name="errors"/>. Keys the page does not
    /// ask are refused, so a client's typo is not silently dropped.
    /// </summary>
    public static IReadOnlyList<BookingAnswer> Collect(
        IReadOnlyList<QuestionField> questions, IReadOnlyDictionary<string, IReadOnlyList<string>>? given, IDictionary<FieldKey, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(errors);
        var answers = new List<BookingAnswer>();
        given ??= new Dictionary<string, IReadOnlyList<string>>();
        foreach (var key in given.Keys.Where(k => !questions.Any(q => q.Key == k)))
        {
            errors[ErrorKey(key.Length > QuestionField.KeyMaxLength ? key[..QuestionField.KeyMaxLength] : key)] = [UnknownQuestion];
        }

        foreach (var question in questions)
        {
            var outcome = Check(question, given.TryGetValue(question.Key, out var values) ? values : null);
            if (!outcome.Succeeded)
            {
                errors[ErrorKey(question.Key)] = [outcome.Failure.Detail];
            }
            else if (outcome.Value is { } answer)
            {
                answers.Add(answer);
            }
        }

        return answers;
    }

    /// <summary>One answer checked against its question: the answer to keep, null when an optional question was skipped, or why not.</summary>
    public static Outcome<BookingAnswer?> Check(QuestionField question, IReadOnlyList<string>? values)
    {
        ArgumentNullException.ThrowIfNull(question);
        var given = (values ?? []).Where(v => v is not null).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (question.Kind == QuestionKind.Checkbox)
        {
            return CheckBox(question, given);
        }

        if (given.Count == 0)
        {
            return question.Required
                ? Fail(question.HasChoices ? ChoiceRequired : Required)
                : Outcome<BookingAnswer?>.Success(null);
        }

        if (question.Kind == QuestionKind.MultipleChoice)
        {
            if (given.Any(v => !question.Choices.Contains(v, StringComparer.Ordinal)))
            {
                return Fail(NotAChoice);
            }

            return Keep(question, [.. question.Choices.Where(c => given.Contains(c, StringComparer.Ordinal))]);
        }

        if (given.Count > 1)
        {
            return Fail(OneAnswer);
        }

        var value = given[0];
        return question.Kind switch
        {
            QuestionKind.ShortText => OneLine(value) is { Length: <= ShortTextMaxLength } line ? Keep(question, [line]) : Fail(ShortTextTooLong),
            QuestionKind.LongText => Paragraphs(value) is { Length: <= LongTextMaxLength } text ? Keep(question, [text]) : Fail(LongTextTooLong),
            QuestionKind.Email => InputRules.IsEmail(value) ? Keep(question, [value]) : Fail(NotAnEmail),
            QuestionKind.Phone => InputRules.NormalizePhone(value) is { } phone ? Keep(question, [phone]) : Fail(NotAPhone),
            QuestionKind.Number => ParseNumber(value) is { } number ? Keep(question, [number]) : Fail(NotANumber),
            QuestionKind.Date => InputRules.ParseDate(value) is { } date ? Keep(question, [NodaTime.Text.LocalDatePattern.Iso.Format(date)]) : Fail(NotADate),
            QuestionKind.SingleChoice => question.Choices.Contains(value, StringComparer.Ordinal) ? Keep(question, [value]) : Fail(NotAChoice),
            _ => Fail(Required),
        };
    }

    private static Outcome<BookingAnswer?> CheckBox(QuestionField question, List<string> given)
    {
        if (given.Count > 1)
        {
            return Fail(OneAnswer);
        }

        bool? ticked = given.Count == 0 ? false : given[0].ToUpperInvariant() switch
        {
            "TRUE" or "ON" => true,
            "FALSE" => false,
            _ => null,
        };
        if (ticked is null)
        {
            return Fail(NotYesOrNo);
        }

        return question.Required && ticked == false
            ? Fail(CheckboxRequired)
            : Keep(question, [ticked.Value ? "true" : "false"]);
    }

    /// <summary>A number as typed with a dot (browsers send type=number that way), kept without exponent or grouping.</summary>
    private static string? ParseNumber(string value)
        => value.Length <= 30 && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>One line: control characters (line breaks included) become spaces.</summary>
    private static string OneLine(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? ' ' : c);
        }

        return text.ToString().Trim();
    }

    /// <summary>Paragraphs: line breaks kept as \n, other control characters dropped.</summary>
    private static string Paragraphs(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.ReplaceLineEndings("\n"))
        {
            if (c == '\n' || !char.IsControl(c))
            {
                text.Append(c);
            }
        }

        return text.ToString().Trim();
    }

    private static Outcome<BookingAnswer?> Keep(QuestionField question, IReadOnlyList<string> values)
        => Outcome<BookingAnswer?>.Success(new BookingAnswer(question.Key, question.Label, question.Kind, values));

    private static Outcome<BookingAnswer?> Fail(string message) => BookingFailure.Invalid(FieldKey.Answers, message) with { Detail = message };
}

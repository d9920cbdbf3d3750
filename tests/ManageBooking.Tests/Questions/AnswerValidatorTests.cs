using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Questions;

namespace ManageBooking.Tests.Questions;

public sealed class AnswerValidatorTests
{
    private static readonly string LongLine = new('x', 201);
    private static readonly string LongParagraph = new('x', 2001);

    [Theory]
    // kind, required, given ('|' separates several values; null gives none), stored ('|' separated; null = no answer kept), error
    [InlineData(QuestionKind.ShortText, true, null, null, AnswerValidator.Required)]
    [InlineData(QuestionKind.ShortText, true, "   ", null, AnswerValidator.Required)]
    [InlineData(QuestionKind.ShortText, false, null, null, null)]
    [InlineData(QuestionKind.ShortText, false, "  Acme Ltd ", "Acme Ltd", null)]
    [InlineData(QuestionKind.ShortText, false, "two\nlines", "two lines", null)]
    [InlineData(QuestionKind.ShortText, false, "a|b", null, AnswerValidator.OneAnswer)]
    [InlineData(QuestionKind.ShortText, false, "LONGLINE", null, AnswerValidator.ShortTextTooLong)]
    [InlineData(QuestionKind.LongText, true, "First.\r\nSecond.\u0007", "First.\nSecond.", null)]
    [InlineData(QuestionKind.LongText, false, "LONGPARAGRAPH", null, AnswerValidator.LongTextTooLong)]
    [InlineData(QuestionKind.Email, true, "ada@example.com", "ada@example.com", null)]
    [InlineData(QuestionKind.Email, true, "ada@localhost", null, AnswerValidator.NotAnEmail)]
    [InlineData(QuestionKind.Email, true, "Ada <ada@example.com>", null, AnswerValidator.NotAnEmail)]
    [InlineData(QuestionKind.Phone, true, "+1 (555)  010-0199", "+1 (555) 010-0199", null)]
    [InlineData(QuestionKind.Phone, true, "call me", null, AnswerValidator.NotAPhone)]
    [InlineData(QuestionKind.Phone, true, "12", null, AnswerValidator.NotAPhone)]
    [InlineData(QuestionKind.Phone, true, "5+55 0100", null, AnswerValidator.NotAPhone)]
    [InlineData(QuestionKind.Number, true, "2.50", "2.50", null)]
    [InlineData(QuestionKind.Number, true, "-12", "-12", null)]
    [InlineData(QuestionKind.Number, true, "twelve", null, AnswerValidator.NotANumber)]
    [InlineData(QuestionKind.Number, true, "1e5", null, AnswerValidator.NotANumber)]
    [InlineData(QuestionKind.Number, true, "99999999999999999999999999999999", null, AnswerValidator.NotANumber)]
    [InlineData(QuestionKind.Date, true, "2026-03-09", "2026-03-09", null)]
    [InlineData(QuestionKind.Date, true, "0001-01-01", "0001-01-01", null)]
    [InlineData(QuestionKind.Date, true, "9999-12-31", "9999-12-31", null)]
    [InlineData(QuestionKind.Date, true, "09/03/2026", null, AnswerValidator.NotADate)]
    [InlineData(QuestionKind.Date, true, "2026-02-30", null, AnswerValidator.NotADate)]
    [InlineData(QuestionKind.SingleChoice, true, null, null, AnswerValidator.ChoiceRequired)]
    [InlineData(QuestionKind.SingleChoice, true, "Growth", "Growth", null)]
    [InlineData(QuestionKind.SingleChoice, true, "growth", null, AnswerValidator.NotAChoice)]
    [InlineData(QuestionKind.SingleChoice, true, "Growth|Launch", null, AnswerValidator.OneAnswer)]
    [InlineData(QuestionKind.MultipleChoice, true, null, null, AnswerValidator.ChoiceRequired)]
    [InlineData(QuestionKind.MultipleChoice, false, "Growth|Launch", "Launch|Growth", null)] // kept in the page's order
    [InlineData(QuestionKind.MultipleChoice, false, "Growth|Other", null, AnswerValidator.NotAChoice)]
    [InlineData(QuestionKind.Checkbox, true, null, null, AnswerValidator.CheckboxRequired)]
    [InlineData(QuestionKind.Checkbox, true, "false", null, AnswerValidator.CheckboxRequired)]
    [InlineData(QuestionKind.Checkbox, true, "true", "true", null)]
    [InlineData(QuestionKind.Checkbox, false, "on", "true", null)]
    [InlineData(QuestionKind.Checkbox, false, null, "false", null)]
    [InlineData(QuestionKind.Checkbox, false, "maybe", null, AnswerValidator.NotYesOrNo)]
    public void Check_ByKind_KeepsTheInvariantValueOrSaysWhy(QuestionKind kind, bool required, string? given, string? stored, string? error)
    {
        var question = new QuestionField
        {
            Key = "q",
            Label = "The question",
            Kind = kind,
            Required = required,
            Choices = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? ["Launch", "Growth"] : [],
        };
        var values = given?.Replace("LONGLINE", LongLine, StringComparison.Ordinal).Replace("LONGPARAGRAPH", LongParagraph, StringComparison.Ordinal).Split('|');

        var outcome = AnswerValidator.Check(question, values);

        if (error is not null)
        {
            Assert.False(outcome.Succeeded);
            Assert.Equal(error, outcome.Failure.Detail);
            return;
        }

        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        if (stored is null)
        {
            Assert.Null(outcome.Value);
        }
        else
        {
            Assert.Equal(stored.Split('|'), outcome.Value!.Values);
            Assert.Equal("The question", outcome.Value.Label);
            Assert.Equal(kind, outcome.Value.Kind);
        }
    }

    [Fact]
    public void Collect_NamesEachFailureByItsQuestionsKey_AndRefusesKeysThePageDoesNotAsk()
    {
        QuestionField[] questions =
        [
            new() { Key = "company", Label = "Company", Kind = QuestionKind.ShortText, Required = true },
            new() { Key = "budget", Label = "Budget", Kind = QuestionKind.Number },
            new() { Key = "topics", Label = "Topics", Kind = QuestionKind.MultipleChoice, Choices = ["SEO", "Ads"] },
        ];
        var errors = new Dictionary<FieldKey, string[]>();

        var answers = AnswerValidator.Collect(questions, new Dictionary<string, IReadOnlyList<string>>
        {
            ["budget"] = ["lots"],
            ["topics"] = ["Ads"],
            ["colour"] = ["blue"],
        }, errors);

        Assert.Equal([AnswerValidator.Required], errors[FieldKey.Answer("company")]);
        Assert.Equal([AnswerValidator.NotANumber], errors[FieldKey.Answer("budget")]);
        Assert.Equal([AnswerValidator.UnknownQuestion], errors[FieldKey.Answer("colour")]);
        Assert.Equal(3, errors.Count);
        Assert.Equal("topics", Assert.Single(answers).Key);
    }
}

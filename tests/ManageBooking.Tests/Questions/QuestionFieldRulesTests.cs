using ManageBooking.Models;
using ManageBooking.Questions;

namespace ManageBooking.Tests.Questions;

public sealed class QuestionFieldRulesTests
{
    [Theory]
    [InlineData("budget", "Your budget", QuestionKind.Number, "", null, null)]
    [InlineData("company_size", "Company size", QuestionKind.SingleChoice, "1-10|11-50", null, null)]
    [InlineData("Budget", "Your budget", QuestionKind.Number, "", "Key", "lower-case")]
    [InlineData("1st", "First", QuestionKind.ShortText, "", "Key", "lower-case")]
    [InlineData("with-hyphen", "Hyphen", QuestionKind.ShortText, "", "Key", "lower-case")] // {{answers.with-hyphen}} is no Handlebars path
    [InlineData("", "No key", QuestionKind.ShortText, "", "Key", "lower-case")]
    [InlineData("label", "", QuestionKind.ShortText, "", "Label", "Write the question")]
    [InlineData("label", "LONG", QuestionKind.ShortText, "", "Label", "at most 200")]
    [InlineData("plan", "Plan", QuestionKind.SingleChoice, "", "Choices", "one a line")]
    [InlineData("plan", "Plan", QuestionKind.MultipleChoice, "Basic|basic", "Choices", "different")]
    [InlineData("plan", "Plan", QuestionKind.SingleChoice, "LONG", "Choices", "at most 100")]
    public void Validate_ATableOfQuestions_NamesTheFieldThatIsWrong(string key, string label, QuestionKind kind, string choices, string? field, string? message)
    {
        var question = new QuestionField
        {
            Key = key,
            Label = label.Replace("LONG", new string('q', 201), StringComparison.Ordinal),
            Kind = kind,
            Choices = [.. choices.Replace("LONG", new string('c', 101), StringComparison.Ordinal).Split('|', StringSplitOptions.RemoveEmptyEntries)],
        };
        var errors = new Dictionary<string, string[]>();

        QuestionFieldRules.Validate([question], errors);

        if (field is null)
        {
            Assert.Empty(errors);
            return;
        }

        var error = Assert.Single(errors);
        Assert.Equal($"Questions[0].{field}", error.Key);
        Assert.Contains(message!, error.Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoQuestionsWithOneKey_RefusesTheSecond()
    {
        var errors = new Dictionary<string, string[]>();

        QuestionFieldRules.Validate([new QuestionField { Key = "notes", Label = "Notes" }, new QuestionField { Key = "notes", Label = "More notes" }], errors);

        Assert.Equal("Questions[1].Key", Assert.Single(errors).Key);
    }

    [Fact]
    public void Validate_TrimsAndDropsOptionsOfKindsWithoutThem_AndEmptyTranslations()
    {
        var question = new QuestionField
        {
            Key = " notes ",
            Label = " Notes ",
            Help = "  ",
            Kind = QuestionKind.LongText,
            Choices = ["stray"],
            Translations = [new QuestionFieldTranslation("fr", " ", null, []), new QuestionFieldTranslation("de", "Notizen", null, [])],
        };

        QuestionFieldRules.Validate([question], new Dictionary<string, string[]>());

        Assert.Equal(("notes", "Notes", (string?)null), (question.Key, question.Label, question.Help));
        Assert.Empty(question.Choices);
        Assert.Equal("de", Assert.Single(question.Translations).Culture);
    }

    [Fact]
    public void Validate_MoreTranslatedOptionsThanOptions_IsRefused()
    {
        var errors = new Dictionary<string, string[]>();
        var question = new QuestionField
        {
            Key = "plan",
            Label = "Plan",
            Kind = QuestionKind.SingleChoice,
            Choices = ["Basic"],
            Translations = [new QuestionFieldTranslation("fr", "Formule", null, ["Base", "Pro"])],
        };

        QuestionFieldRules.Validate([question], errors);

        Assert.Equal("Questions[0].Translations[fr].Choices", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData("fr", "Votre budget", "Base")]
    [InlineData("de", "Your budget", "Basic")] // no German: the site's own words
    [InlineData(null, "Your budget", "Basic")]
    public void In_ACulture_UsesItsWordsWhereTranslated(string? culture, string label, string firstChoice)
    {
        var question = new QuestionField
        {
            Key = "budget",
            Label = "Your budget",
            Kind = QuestionKind.SingleChoice,
            Choices = ["Basic", "Premium"],
            Translations = [new QuestionFieldTranslation("fr", "Votre budget", null, ["Base"])],
        };

        var shown = question.In(culture);

        Assert.Equal(label, shown.Label);
        Assert.Equal(firstChoice, shown.Choices[0]);
        Assert.Equal("Premium", shown.Choices[1]); // an option without a translation keeps its own name
    }
}

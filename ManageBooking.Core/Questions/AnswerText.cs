using ManageBooking.Models;

namespace ManageBooking.Questions;

/// <summary>An answer as one line of text: options joined with commas, a checkbox as yes or no in the given words.</summary>
public static class AnswerText
{
    public static string Plain(BookingAnswer answer, string yes = "Yes", string no = "No")
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Kind == QuestionKind.Checkbox
            ? answer.Value == "true" ? yes : no
            : string.Join(", ", answer.Values);
    }
}

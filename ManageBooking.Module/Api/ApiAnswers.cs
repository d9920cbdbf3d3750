using System.Text.Json;
using ManageBooking.Bookings;
using ManageBooking.Questions;

namespace ManageBooking.Api;

/// <summary>Reads the <c>answers</c> object of a booking request into values per question key, the form's shape.</summary>
public static class ApiAnswers
{
    /// <summary>The values per key, or a 400 naming each answer whose JSON type no question takes (an object, a nested list).</summary>
    public static Outcome<IReadOnlyDictionary<string, IReadOnlyList<string>>> Read(IReadOnlyDictionary<string, JsonElement>? answers)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var errors = new Dictionary<FieldKey, string[]>();
        foreach (var (key, element) in answers ?? new Dictionary<string, JsonElement>())
        {
            var read = element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().Select(Scalar).ToList()
                : [Scalar(element)];
            if (read.Any(v => v is null))
            {
                errors[AnswerValidator.ErrorKey(key)] = ["Give text, a number, true or false, or a list of options."];
                continue;
            }

            values[key] = [.. read.OfType<string>()];
        }

        return errors.Count > 0 ? BookingFailure.Invalid(errors) : Outcome<IReadOnlyDictionary<string, IReadOnlyList<string>>>.Success(values);
    }

    /// <summary>Text as sent; a number as written in the JSON; true or false; null (JSON null) as no answer.</summary>
    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "",
        _ => null,
    };
}

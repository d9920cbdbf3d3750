namespace ManageBooking.Models;

/// <summary>
/// A customer's answer to one question of the page, kept with the label and kind it was asked under: renaming or removing
/// the question later leaves the answer as it was given. Values are stored in an invariant form: ISO dates, numbers with
/// a dot, "true"/"false" for a checkbox, the page's own option names for choices.
/// </summary>
public sealed record BookingAnswer(string Key, string Label, QuestionKind Kind, IReadOnlyList<string> Values)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Value => Values.Count > 0 ? Values[0] : null;
}

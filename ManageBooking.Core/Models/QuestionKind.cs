using System.Text.Json.Serialization;

namespace ManageBooking.Models;

/// <summary>
/// What kind of answer a question takes: in Orchard Core terms, the field type of a content type's field (TextField,
/// NumericField, BooleanField, DateField, a multi-value text field with options). Stored by name so reordering is safe.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuestionKind>))]
public enum QuestionKind
{
    ShortText,
    LongText,
    Email,
    Phone,
    Number,
    SingleChoice,
    MultipleChoice,
    Checkbox,
    Date,
}

namespace ManageBooking.Bookings;

/// <summary>
/// An expected failure with a message for people: for bad input, messages per field; for a refusal about one field
/// (a required reason left out), that field's key, so a form can show it there.
/// </summary>
public sealed record BookingFailure(FailureKind Kind, string Title, string Detail, IReadOnlyDictionary<FieldKey, string[]>? Errors = null)
{
    /// <summary>The input a refusal is about, when it is about one.</summary>
    public FieldKey? Field { get; init; }

    public static BookingFailure Invalid(IReadOnlyDictionary<FieldKey, string[]> errors)
        => new(FailureKind.Invalid, "The request is not valid.", "Correct the fields listed and try again.", errors);

    public static BookingFailure Invalid(FieldKey field, string message)
        => Invalid(new Dictionary<FieldKey, string[]> { [field] = [message] });

    public static BookingFailure NotFound(string detail) => new(FailureKind.NotFound, "Not found.", detail);

    public static BookingFailure Conflict(string detail) => new(FailureKind.Conflict, "That time is no longer available.", detail);

    public static BookingFailure Refused(string title, string detail) => new(FailureKind.Refused, title, detail);
}

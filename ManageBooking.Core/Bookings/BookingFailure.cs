namespace ManageBooking.Bookings;

/// <summary>An expected failure with a message for people and, for bad input, messages per field.</summary>
public sealed record BookingFailure(FailureKind Kind, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static BookingFailure Invalid(IReadOnlyDictionary<string, string[]> errors)
        => new(FailureKind.Invalid, "The request is not valid.", "Correct the fields listed and try again.", errors);

    public static BookingFailure Invalid(string field, string message)
        => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static BookingFailure NotFound(string detail) => new(FailureKind.NotFound, "Not found.", detail);

    public static BookingFailure Conflict(string detail) => new(FailureKind.Conflict, "That time is no longer available.", detail);

    public static BookingFailure Refused(string title, string detail) => new(FailureKind.Refused, title, detail);
}

namespace ManageBooking.Bookings;

/// <summary>An internal note's text: something to say, within the length a note keeps.</summary>
public static class NoteText
{
    public static Outcome<string> Check(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return BookingFailure.Invalid(FieldKey.Note, "Write the note first.");
        }

        return trimmed.Length > Models.BookingNote.TextMaxLength
            ? BookingFailure.Invalid(FieldKey.Note, $"A note holds up to {Models.BookingNote.TextMaxLength} characters.")
            : Outcome<string>.Success(trimmed);
    }
}

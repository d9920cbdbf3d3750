using ManageBooking.Bookings;
using ManageBooking.Models;

namespace ManageBooking.Locations;

/// <summary>
/// What makes a location valid, for the page editor and for staff setting a booking's own: an address or text that
/// fits, a phone number people can dial, and a video address that is a web link (never a script or another scheme, since
/// customers click it).
/// </summary>
public static class LocationRules
{
    public static readonly FieldKey Field = FieldKey.Location;

    /// <summary>The location to store (trimmed; null when <paramref name="kind"/> is null), or why not.</summary>
    public static Outcome<BookingLocation?> Check(LocationKind? kind, string? value, PhoneCaller caller)
    {
        if (kind is null)
        {
            return Outcome<BookingLocation?>.Success(null);
        }

        // Line breaks stay (an address has lines); other control characters never reach a page, an email or a calendar.
        var text = new string([.. (value ?? "").ReplaceLineEndings("\n").Where(c => c == '\n' || !char.IsControl(c))]).Trim();
        if (text.Length > BookingLocation.ValueMaxLength)
        {
            return BookingFailure.Invalid(Field, "A location can be at most 500 characters.");
        }

        switch (kind.Value)
        {
            case LocationKind.InPerson when text.Length == 0:
                return BookingFailure.Invalid(Field, "Enter the address.");
            case LocationKind.Custom when text.Length == 0:
                return BookingFailure.Invalid(Field, "Describe where the session takes place.");
            case LocationKind.Phone when caller == PhoneCaller.HostCalls && text.Length == 0:
                // The number is the customer's, given with each booking: a page stores none.
                return Outcome<BookingLocation?>.Success(new BookingLocation(LocationKind.Phone, "", PhoneCaller.HostCalls));
            case LocationKind.Phone:
                return InputRules.NormalizePhone(text) is { } phone
                    ? Outcome<BookingLocation?>.Success(new BookingLocation(LocationKind.Phone, phone, caller))
                    : BookingFailure.Invalid(Field, "Enter the phone number to call, such as +1 555 010 0199.");
            case LocationKind.Video:
                return IsWebLink(text)
                    ? Outcome<BookingLocation?>.Success(new BookingLocation(LocationKind.Video, text))
                    : BookingFailure.Invalid(Field, "Enter the video call's address, starting with https://.");
            default:
                return Outcome<BookingLocation?>.Success(new BookingLocation(kind.Value, text));
        }
    }

    /// <summary>An absolute http or https address with a host: the only links a customer is given to click.</summary>
    public static bool IsWebLink(string? text)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);
}

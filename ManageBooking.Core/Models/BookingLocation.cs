namespace ManageBooking.Models;

/// <summary>
/// Where a session takes place: in person at an address, by phone (a number, and who dials), by video at a URL, or as
/// the owner describes it. A page has one; a booking may have its own (staff changed it, or the host calls the
/// customer's number).
/// </summary>
/// <param name="Value">The address, the phone number, the video URL or the text, as <paramref name="Kind"/> says.</param>
public sealed record BookingLocation(LocationKind Kind, string Value, PhoneCaller Caller = PhoneCaller.CustomerCalls)
{
    public const int ValueMaxLength = 500;

    /// <summary>A phone page where the host calls: each booking brings the number to call.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AsksCustomerPhone => Kind == LocationKind.Phone && Caller == PhoneCaller.HostCalls;

    /// <summary>The booking's own location when it has one, else its page's; null when neither says.</summary>
    public static BookingLocation? Of(Booking booking, BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        return booking.Location ?? page.Location;
    }
}

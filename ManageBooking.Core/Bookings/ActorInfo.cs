using ManageBooking.Models;

namespace ManageBooking.Bookings;

/// <summary>Who is acting: from the manage token (customer) or the signed-in user (staff), never from the request body.</summary>
public sealed record ActorInfo(Actor Kind, string? Name)
{
    public static ActorInfo Customer(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new ActorInfo(Actor.Customer, booking.CustomerName);
    }
}

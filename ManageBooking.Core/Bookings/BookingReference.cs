using System.Security.Cryptography;

namespace ManageBooking.Bookings;

/// <summary>Short references people can read out on the phone: no 0/O, 1/I/L or U.</summary>
public static class BookingReference
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 6;

    public static string New()
        => "MB-" + RandomNumberGenerator.GetString(Alphabet, Length);
}

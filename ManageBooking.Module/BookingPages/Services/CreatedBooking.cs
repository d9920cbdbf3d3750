using ManageBooking.Models;

namespace ManageBooking.BookingPages.Services;

/// <summary>A booking just made, with the only copy of its manage token there will ever be.</summary>
public sealed record CreatedBooking(Booking Booking, BookingPage Page, string ManageToken);

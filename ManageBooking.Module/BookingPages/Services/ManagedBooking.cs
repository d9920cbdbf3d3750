using ManageBooking.Models;
using ManageBooking.Policies;

namespace ManageBooking.BookingPages.Services;

/// <summary>A booking opened through its manage link or by staff, with what the actor may do now.</summary>
public sealed record ManagedBooking(Booking Booking, BookingPage Page, BookingRights Rights);

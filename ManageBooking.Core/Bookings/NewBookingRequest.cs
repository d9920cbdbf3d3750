using ManageBooking.Models;
using NodaTime;

namespace ManageBooking.Bookings;

/// <summary>A booking request whose fields are well-formed; whether its times are free is decided under the calendar lock.</summary>
/// <param name="Phone">The customer's number when the host calls them; null otherwise.</param>
public sealed record NewBookingRequest(
    string Name, string Email, DateTimeZone TimeZone, IReadOnlyList<Instant> Starts, IReadOnlyList<BookingAnswer> Answers, string? Phone = null);

using NodaTime;

namespace ManageBooking.Bookings;

/// <summary>A booking request whose fields are well-formed; whether its times are free is decided under the calendar lock.</summary>
public sealed record NewBookingRequest(string Name, string Email, DateTimeZone TimeZone, IReadOnlyList<Instant> Starts);

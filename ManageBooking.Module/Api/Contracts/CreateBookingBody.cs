namespace ManageBooking.Api.Contracts;

/// <summary>The body of POST /api/booking-pages/{slug}/bookings.</summary>
public sealed record CreateBookingBody(string? Name, string? Email, string? TimeZone, IReadOnlyList<string>? Starts);

using System.Text.Json;

namespace ManageBooking.Api.Contracts;

/// <summary>
/// The body of POST /api/booking-pages/{slug}/bookings: <c>answers</c> by question key; <c>phone</c> when the page's
/// host calls the customer.
/// </summary>
public sealed record CreateBookingBody(
    string? Name,
    string? Email,
    string? TimeZone,
    IReadOnlyList<string>? Starts,
    IReadOnlyDictionary<string, JsonElement>? Answers = null,
    string? Phone = null);

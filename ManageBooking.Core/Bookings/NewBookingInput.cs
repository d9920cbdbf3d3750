namespace ManageBooking.Bookings;

/// <summary>A booking request as a customer or client sent it, not yet checked.</summary>
public sealed record NewBookingInput(string? Name, string? Email, string? TimeZone, IReadOnlyList<string>? Starts);

namespace ManageBooking.Bookings;

/// <summary>A booking request as a customer or client sent it, not yet checked.</summary>
/// <param name="Answers">Answers to the page's questions by key; a choice question with several options takes several values.</param>
/// <param name="Phone">The number to call, on a page where the host calls the customer.</param>
public sealed record NewBookingInput(
    string? Name,
    string? Email,
    string? TimeZone,
    IReadOnlyList<string>? Starts,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Answers = null,
    string? Phone = null);

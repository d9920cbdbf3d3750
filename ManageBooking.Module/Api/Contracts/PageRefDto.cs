namespace ManageBooking.Api.Contracts;

/// <summary>The page a booking was made on.</summary>
public sealed record PageRefDto(string Slug, string Title);

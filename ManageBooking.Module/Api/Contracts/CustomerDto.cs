namespace ManageBooking.Api.Contracts;

/// <summary>The customer, as much as a link holder may see.</summary>
public sealed record CustomerDto(string Name, string TimeZone);

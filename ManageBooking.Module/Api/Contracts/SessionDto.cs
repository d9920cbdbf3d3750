namespace ManageBooking.Api.Contracts;

/// <summary>One session of a booking, times in the customer's zone.</summary>
public sealed record SessionDto(Guid Id, string Start, string End, string Status);

namespace ManageBooking.Api.Contracts;

/// <summary>
/// Where sessions take place: <c>kind</c> InPerson, Phone, Video or Custom; <c>value</c> the address, number, URL or
/// text; <c>caller</c> for a phone call, CustomerCalls or HostCalls (then the number is the customer's, known per booking).
/// </summary>
public sealed record LocationDto(string Kind, string Value, string? Caller);

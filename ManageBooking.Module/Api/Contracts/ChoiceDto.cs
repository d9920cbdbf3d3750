namespace ManageBooking.Api.Contracts;

/// <summary>An option of a choice question: the value to send, and its name in the request's language.</summary>
public sealed record ChoiceDto(string Value, string Label);

namespace ManageBooking.Api.Contracts;

/// <summary>
/// An answer, labelled as it was asked: <c>value</c> is text (dates yyyy-MM-dd, numbers with a dot), true or false for a
/// checkbox, or a list of option values for a multiple choice.
/// </summary>
public sealed record AnswerDto(string Key, string Label, string Kind, object Value);

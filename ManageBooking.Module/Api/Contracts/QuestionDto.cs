namespace ManageBooking.Api.Contracts;

/// <summary>
/// A question of the page (a field of its content type), in the request's language. Answer it in
/// <c>answers.{key}</c>: text, a number, true or false, or for a multiple choice a list of option values.
/// </summary>
public sealed record QuestionDto(string Key, string Label, string? Help, string Kind, bool Required, IReadOnlyList<ChoiceDto>? Choices);

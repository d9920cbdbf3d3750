namespace ManageBooking.Models;

/// <summary>A question's words in one of the site's other languages; <see cref="Choices"/> follow the main list's order.</summary>
public sealed record QuestionFieldTranslation(string Culture, string Label, string? Help, IReadOnlyList<string> Choices);

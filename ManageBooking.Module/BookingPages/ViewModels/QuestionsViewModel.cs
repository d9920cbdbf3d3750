using ManageBooking.Models;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The page's questions on the booking form, with what the customer typed so far (after an error).</summary>
public sealed record QuestionsViewModel(IReadOnlyList<QuestionField> Questions, IReadOnlyDictionary<string, IReadOnlyList<string>> Values);

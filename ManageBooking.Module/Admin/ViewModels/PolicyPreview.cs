namespace ManageBooking.Admin.ViewModels;

/// <summary>
/// The page editor's preview of the Reschedule &amp; Cancel policy, as customers will read it: the sentences of the
/// customers' own policy notice (Localization.PolicyText), or that self-service is off.
/// </summary>
/// <param name="SelfService">The toggle is on: customers may change their booking through their link.</param>
/// <param name="Sentences">The policy's sentences; none while self-service is off or a number is not valid yet.</param>
/// <param name="Incomplete">A cutoff or limit is not a valid number yet, so no sentence would be true.</param>
/// <param name="ExtraText">The owner's extra policy text, shown under the sentences while self-service is on.</param>
public sealed record PolicyPreview(bool SelfService, IReadOnlyList<string> Sentences, bool Incomplete, string? ExtraText);

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// One language of an email task's preview: the subject and the whole email as sent (layout included), or why the
/// template fails. <see cref="SentInMainTemplate"/> says the task has no version in this language, so customers who
/// booked in it get the site's own.
/// </summary>
public sealed record EmailPreview(string Culture, string Language, string? Subject, string? Html, bool SentInMainTemplate, string? Error);

namespace ManageBooking.Models.Notifications;

/// <summary>An email task's subject and body in one more language ("fr").</summary>
public sealed record TemplateTranslation(string Culture, string Subject, string Body);

namespace ManageBooking.Workflows.Email;

/// <summary>A rendered email with its calendar attachment, ready for a sender.</summary>
public sealed record EmailMessage(
    string MessageId,
    string To,
    string ToName,
    string Subject,
    string Html,
    string Text,
    string? Calendar,
    string? CalendarMethod);

namespace ManageBooking.Notifications;

/// <summary>One message a change queued: its audience and its address (an email address or a webhook URL).</summary>
public sealed record PlannedRecipient(Audience Audience, string Address);

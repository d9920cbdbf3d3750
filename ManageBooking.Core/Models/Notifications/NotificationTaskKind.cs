namespace ManageBooking.Models.Notifications;

/// <summary>The tasks a rule can run.</summary>
public enum NotificationTaskKind
{
    SendEmail,
    CallWebhook,
}

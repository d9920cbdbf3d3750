namespace ManageBooking.Models.Notifications;

/// <summary>Who an email task writes to.</summary>
public enum RecipientKind
{
    Customer,
    Owner,
    Stakeholders,
    Address,
}

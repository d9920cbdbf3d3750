namespace ManageBooking.Notifications;

/// <summary>Whom one queued message of a change reaches, as staff are told after acting.</summary>
public enum Audience
{
    Customer,
    Owner,
    Stakeholder,

    /// <summary>An address a rule's task names itself.</summary>
    Address,

    Webhook,
}

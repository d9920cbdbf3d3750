namespace ManageBooking.Workflows.Notifications;

/// <summary>Where one message of a task goes: an email address or a webhook URL, and whether it is the customer.</summary>
public sealed record DeliveryTarget(string Address, bool ForCustomer);

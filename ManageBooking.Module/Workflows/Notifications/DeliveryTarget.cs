namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Where one message of a task goes: an email address or a webhook URL, whether it is the customer, and whom it reaches
/// in the words staff are told after an action.
/// </summary>
public sealed record DeliveryTarget(string Address, bool ForCustomer, ManageBooking.Notifications.Audience Audience = ManageBooking.Notifications.Audience.Address);

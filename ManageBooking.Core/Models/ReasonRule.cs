namespace ManageBooking.Models;

/// <summary>Whether the customer is asked for a reason when cancelling or rescheduling.</summary>
public enum ReasonRule
{
    Hidden,
    Optional,
    Required,
}

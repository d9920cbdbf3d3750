namespace ManageBooking.Models.Outbox;

/// <summary>Where a delivery stands.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>Every attempt failed; the admin can retry it.</summary>
    Failed,

    /// <summary>
    /// Withdrawn, no longer wanted: the reminder of a session that moved out of reach or was cancelled, or a message whose
    /// rule or task was switched off; LastError says which.
    /// </summary>
    Cancelled,
}

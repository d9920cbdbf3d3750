namespace ManageBooking.Models.Outbox;

/// <summary>Where a delivery stands.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>Every attempt failed; the admin can retry it.</summary>
    Failed,

    /// <summary>No longer wanted, e.g. the reminder of a session that moved.</summary>
    Cancelled,
}

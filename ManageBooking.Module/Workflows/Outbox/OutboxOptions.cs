namespace ManageBooking.Workflows.Outbox;

/// <summary>ManageBooking:Outbox: how the dispatcher delivers.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "ManageBooking:Outbox";

    /// <summary>Runs the background dispatcher in this process; off on nodes that should only take requests.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public int PollSeconds { get; set; } = 5;

    /// <summary>After this many failed attempts a message is marked Failed for the admin.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a claim on a message lasts; the dispatcher renews it every third of that while it sends, so a node that
    /// dies mid-send holds its messages this long at most.
    /// </summary>
    public int LeaseSeconds { get; set; } = 10;
}

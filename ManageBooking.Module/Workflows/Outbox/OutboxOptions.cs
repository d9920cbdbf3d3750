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

    /// <summary>How long a dispatcher holds a message it is sending before another node may take it over.</summary>
    public int LeaseSeconds { get; set; } = 120;
}

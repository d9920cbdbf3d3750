namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// What a task returned, by name, as an Orchard Core workflow task returns <c>Outcomes("Done")</c>: Done (delivered),
/// Failed (retried, then marked failed; <see cref="Detail"/> says why) or Withdrawn (no longer wanted).
/// </summary>
public sealed record TaskOutcome(string Name, string? Detail)
{
    public const string DoneName = "Done";
    public const string FailedName = "Failed";
    public const string WithdrawnName = "Withdrawn";

    public static TaskOutcome Done { get; } = new(DoneName, null);

    public static TaskOutcome Failed(string reason) => new(FailedName, reason);

    public static TaskOutcome Withdrawn(string reason) => new(WithdrawnName, reason);
}

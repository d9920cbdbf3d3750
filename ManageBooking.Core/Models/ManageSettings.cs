namespace ManageBooking.Models;

/// <summary>The booking page's self-service policy: the Reschedule &amp; Cancel toggle and its rules.</summary>
public sealed class ManageSettings
{
    /// <summary>The Reschedule &amp; Cancel toggle. New pages start with it on; pages that predate it were migrated with it off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long before a session's start cancelling stops; zero means any time before it starts.</summary>
    public TimeSpan CancelCutoff { get; set; }

    /// <summary>How long before a session's start rescheduling stops; zero means any time before it starts.</summary>
    public TimeSpan RescheduleCutoff { get; set; }

    public ReasonRule CancelReason { get; set; } = ReasonRule.Optional;

    public ReasonRule RescheduleReason { get; set; } = ReasonRule.Optional;

    /// <summary>How many times a booking may be rescheduled by the customer; null means no limit.</summary>
    public int? MaxReschedules { get; set; }

    /// <summary>Free text the owner adds under the generated policy sentence.</summary>
    public string? PolicyText { get; set; }

    /// <summary>How customers reach the owner when they cannot change a booking online; null shows the owner's name and email.</summary>
    public string? ContactText { get; set; }
}

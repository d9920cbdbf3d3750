namespace ManageBooking.Workflows.Notifications;

/// <summary>A change made to the editor's draft (a task added, moved or removed): what to tell the owner, and the task to show.</summary>
public sealed record DraftChange(string Notice, Guid? TaskId);

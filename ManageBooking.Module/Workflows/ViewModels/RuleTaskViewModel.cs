namespace ManageBooking.Workflows.ViewModels;

/// <summary>One task in the editor: the task, its place among <paramref name="Count"/>, and where the editor's form posts.</summary>
public sealed record RuleTaskViewModel(TaskForm Task, int Index, int Count, string Action);

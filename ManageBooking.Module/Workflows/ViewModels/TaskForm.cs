using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>One task of a rule as the editor posts it.</summary>
public sealed class TaskForm
{
    /// <summary>The task's identity, kept through edits so queued messages keep rendering with this task's template.</summary>
    public Guid Id { get; set; }

    public NotificationTaskKind Kind { get; set; }

    public RecipientKind Recipients { get; set; }

    public string? Address { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>One entry for each of the site's other languages, blank when the task has no translation for it.</summary>
    public List<TranslationForm> Translations { get; set; } = [];
}

namespace ManageBooking.Workflows.Notifications;

/// <summary>How a template uses a value: written out, tested with <c>#if</c>, or walked with <c>#each</c>.</summary>
public enum TemplateValueKind
{
    Text,
    Flag,
    List,
}

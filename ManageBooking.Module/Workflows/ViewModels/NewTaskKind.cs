namespace ManageBooking.Workflows.ViewModels;

/// <summary>The tasks the editor can add to a rule: an email to one kind of recipient, or a webhook.</summary>
public enum NewTaskKind
{
    CustomerEmail,
    OwnerEmail,
    StakeholdersEmail,
    AddressEmail,
    Webhook,
}

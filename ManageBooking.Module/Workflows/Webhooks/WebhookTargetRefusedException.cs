namespace ManageBooking.Workflows.Webhooks;

/// <summary>A webhook address that policy forbids; its message names no address or port, since it is shown to editors.</summary>
public sealed class WebhookTargetRefusedException : Exception
{
    public WebhookTargetRefusedException()
        : base("Refused: webhooks may not call this address.")
    {
    }

    public WebhookTargetRefusedException(string message)
        : base(message)
    {
    }

    public WebhookTargetRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace ManageBooking.Workflows.Webhooks;

/// <summary>ManageBooking:Webhooks: where webhook tasks may send.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "ManageBooking:Webhooks";

    /// <summary>
    /// Lets webhooks reach loopback, private and link-local addresses, for a receiver on the intranet. Off by default:
    /// an editor of notification rules could otherwise make the server call its own network (cloud metadata included).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Lets webhooks use plain http; off by default, since the body carries customers' details.</summary>
    public bool AllowHttp { get; set; }
}

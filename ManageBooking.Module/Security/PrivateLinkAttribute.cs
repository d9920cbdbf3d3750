namespace ManageBooking.Security;

/// <summary>
/// Marks an endpoint whose address or answer carries a manage token: its responses are not cached, not indexed, and
/// leak no referrer to the pages they link to.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PrivateLinkAttribute : Attribute;

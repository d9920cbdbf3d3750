using System.Diagnostics.CodeAnalysis;

namespace ManageBooking;

/// <summary>A right in the admin area; its name is the claim value and the authorization policy's name.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Orchard Core's word for an admin right; not a code-access permission.")]
public sealed record Permission(string Name, string Description);

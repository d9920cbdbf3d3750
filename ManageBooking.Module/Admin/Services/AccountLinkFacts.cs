namespace ManageBooking.Admin.Services;

/// <summary>What an account-link outbox row holds: whose link, why, and who asked. Never the link itself.</summary>
public sealed record AccountLinkFacts(string UserId, AccountLinkPurpose Purpose, string? RequestedBy, string? Role);

using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ManageBooking.Workflows.Outbox;

/// <summary>
/// Encrypts outbox payloads: a queued confirmation holds the manage link, and tokens are kept only as hashes at rest.
/// The keys live in the database so that every node can read what another queued.
/// </summary>
public sealed class OutboxPayloadProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ManageBooking.Outbox.v1");

    public string Protect(OutboxPayload payload) => _protector.Protect(JsonSerializer.Serialize(payload));

    public OutboxPayload Unprotect(string text) => JsonSerializer.Deserialize<OutboxPayload>(_protector.Unprotect(text))
        ?? throw new InvalidOperationException("An outbox payload was empty.");
}

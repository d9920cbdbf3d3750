using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Api.Idempotency;

/// <summary>Opts an endpoint into Idempotency-Key handling.</summary>
public static class IdempotencyExtensions
{
    /// <summary>A retry with the same Idempotency-Key and <typeparamref name="TBody"/> gets the first answer again.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey<TBody>(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter<IdempotencyFilter<TBody>>().WithMetadata(IdempotencyKeyMetadata.Instance);
    }
}

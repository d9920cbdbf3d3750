using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ManageBooking.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Api.Idempotency;

/// <summary>
/// Makes a POST safe to retry with an Idempotency-Key header. The first request with a key runs in one transaction that
/// also stores its answer, so the change and the answer exist together or not at all (a node killed half-way leaves
/// neither, and the retry runs afresh). A retry with the same key and body gets that answer again and changes nothing;
/// the same key with another body is 422; keys expire after a day. The answers live in the database, so the retry may
/// reach any node; two requests with one key at once run one after the other, and the second gets the first's answer.
/// </summary>
/// <typeparam name="TBody">The endpoint's body, whose JSON is the request's fingerprint.</typeparam>
internal sealed class IdempotencyFilter<TBody>(TimeProvider clock, IDataProtectionProvider dataProtection) : IEndpointFilter
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ManageBooking.Idempotency.v1");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var header))
        {
            return await next(context);
        }

        var key = header.Count == 1 ? IdempotencyKeyHeader.Parse(header[0]) : null;
        if (key is null)
        {
            return Results.Problem(
                title: "The Idempotency-Key header is not valid.",
                detail: $"Send one key of 1 to {IdempotencyKeyHeader.MaxLength} visible ASCII characters, for example a UUID in quotes.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var keyHash = Hash($"{http.Request.Method} {http.Request.Path}\n{key}");
        var requestHash = Hash(JsonSerializer.Serialize(context.Arguments.OfType<TBody>().FirstOrDefault(), Json));
        var db = http.RequestServices.GetRequiredService<ManageBookingDbContext>();
        var cancellationToken = http.RequestAborted;
        var now = clock.GetUtcNow().UtcDateTime;

        var gate = http.RequestServices.GetRequiredService<SqliteWriteGate>();
        var earlier = await FindAsync(db, keyHash, now, cancellationToken);
        if (earlier is not null)
        {
            // The first request may still be waiting for its commit to reach the disk; its answer is not given before.
            await gate.WaitDurableAsync(db.Database, cancellationToken);
            return Answer(earlier, requestHash);
        }

        // The change below joins this transaction (see CalendarLock), and the answer is stored in it before it commits.
        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        await db.Set<IdempotencyRecord>().Where(r => r.KeyHash == keyHash && r.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        db.Add(new IdempotencyRecord { KeyHash = keyHash, RequestHash = requestHash, CreatedUtc = now, ExpiresUtc = now + KeyLifetime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request with this key committed first (PostgreSQL held this insert until it did): its answer is ours.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            earlier = await FindAsync(db, keyHash, now, cancellationToken);
            if (earlier is not null)
            {
                await gate.WaitDurableAsync(db.Database, cancellationToken);
            }

            return earlier is not null ? Answer(earlier, requestHash) : Results.Problem(
                title: "A request with this Idempotency-Key is in progress.",
                detail: "Retry it in a moment to get its answer.",
                statusCode: StatusCodes.Status409Conflict);
        }

        db.ChangeTracker.Clear();
        var response = await RenderAsync(http, await next(context));
        if (!IsOutcome(response.StatusCode))
        {
            // Nothing ran, or the server failed: nothing is kept, the transaction rolls back and a retry runs afresh.
            return new StoredResponseResult(response);
        }

        db.ChangeTracker.Clear();
        var stored = _protector.Protect(JsonSerializer.Serialize(response, Json));
        await db.Set<IdempotencyRecord>().Where(r => r.KeyHash == keyHash)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Response, stored), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoredResponseResult(response);
    }

    /// <summary>
    /// The answers of a request that ran: a success, or a refusal by the booking's state (409 taken or changed, 422
    /// refused). Malformed input and unknown pages or links (400, 404) change nothing and would answer the same again, so
    /// they are not kept, and nobody fills the table by sending garbage with keys.
    /// </summary>
    private static bool IsOutcome(int status)
        => status is (>= 200 and < 300) or StatusCodes.Status409Conflict or StatusCodes.Status422UnprocessableEntity;

    private static Task<IdempotencyRecord?> FindAsync(ManageBookingDbContext db, string keyHash, DateTime now, CancellationToken cancellationToken)
        => db.Set<IdempotencyRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.KeyHash == keyHash && r.ExpiresUtc > now && r.Response != null, cancellationToken);

    private IResult Answer(IdempotencyRecord earlier, string requestHash)
        => earlier.RequestHash != requestHash
            ? Results.Problem(
                title: "This Idempotency-Key was used for another request.",
                detail: "A key names one request: send a new key for a new request, or the same body to get the first answer again.",
                statusCode: StatusCodes.Status422UnprocessableEntity)
            : new StoredResponseResult(JsonSerializer.Deserialize<StoredResponse>(_protector.Unprotect(earlier.Response!), Json)!);

    /// <summary>Runs the endpoint's result into memory, so the very bytes the client gets are the ones kept.</summary>
    private static async Task<StoredResponse> RenderAsync(HttpContext http, object? value)
    {
        var result = value as IResult ?? (value is null ? Results.Empty : Results.Json(value, Json));
        var body = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = body;
        }

        var location = http.Response.Headers.Location.ToString();
        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, location.Length == 0 ? null : location, buffer.ToArray());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using ManageBooking.Api.Contracts;
using ManageBooking.Api.Idempotency;
using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Rendering;
using ManageBooking.Scheduling;
using ManageBooking.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ManageBooking.Api;

/// <summary>The manage link as an API: the holder of the token views, reschedules or cancels the booking.</summary>
public static class ManageApi
{
    public static RouteGroupBuilder MapManageApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ManagePaths.ApiRoute)
            .WithTags("Manage")
            .WithMetadata(new PrivateLinkAttribute())
            .RequireRateLimiting(ManageLinkRateLimiting.PolicyName);
        group.MapGet("/", GetAsync).WithName("GetManagedBooking").WithSummary("The booking behind a manage token, with what its holder may do now.")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/slots", SlotsAsync).WithName("ListRescheduleSlots").WithSummary("Free starts a session of the booking may move to.")
            .Produces<SlotsDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/cancel", CancelAsync).WithBodyLimit(BookingPagesApi.MaxBodyBytes).WithIdempotencyKey<CancelBody>().WithName("CancelBooking")
            .WithSummary("Cancels the whole booking, or the sessions listed; a reason when the page asks for one.")
            .Accepts<CancelBody>("application/json").ProducesChangeAnswers();
        group.MapPost("/reschedule", RescheduleAsync).WithBodyLimit(BookingPagesApi.MaxBodyBytes).WithIdempotencyKey<RescheduleBody>().WithName("RescheduleBooking")
            .WithSummary("Moves one session to a free start, or several at once in moves (one change, one email).")
            .Accepts<RescheduleBody>("application/json").ProducesChangeAnswers();
        return group;
    }

    private static async Task<IResult> GetAsync(string token, HttpContext context, RenderStamps stamps, RenderCache kept, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The answer a client polls: kept while the booking and its page stay as they were, as the manage page is; the
        // booking's services are made only when it is not.
        var key = await stamps.BookingKeyAsync(context, token, cancellationToken);
        if (key is not null && kept.TryGet(key, out var answer))
        {
            return new RenderedPageResult(answer);
        }

        var managed = await context.RequestServices.GetRequiredService<ManageService>().OpenAsync(token, cancellationToken);
        return managed is null
            ? UnknownLink()
            : KeptJson.Answer(context, kept, key, ToDto(managed), ManagePolicy.NextChange(managed.Booking, managed.Page, clock.GetCurrentInstant()));
    }

    private static async Task<IResult> SlotsAsync(
        string token, string? from, string? to, string? timeZone, Guid? sessionId, ManageService manage, TimeProvider clock, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var customerZone = Zones.OfCustomer(managed.Booking);
        var window = SlotWindow.Parse(from, to, timeZone, customerZone, clock.GetCurrentInstant());
        if (!window.Succeeded)
        {
            return ProblemResults.From(window.Failure);
        }

        // Without the right to reschedule there is nothing to offer, and saying so is clearer than an empty list.
        if (!managed.Rights.CanReschedule)
        {
            return ProblemResults.From(BookingFailure.Refused("This booking can't be rescheduled now.", "The booking policy or its state does not allow it."));
        }

        var free = await manage.FreeSlotsForMoveAsync(managed, sessionId, window.Value.Range, cancellationToken);
        return TypedResults.Ok(ApiMapper.ToDto(free, window.Value.Zone));
    }

    private static async Task<IResult> CancelAsync(string token, CancelBody? body, ManageService manage, CancellationToken cancellationToken)
    {
        var id = await manage.FindIdByTokenAsync(token, cancellationToken);
        if (id is null)
        {
            return UnknownLink();
        }

        var outcome = await manage.CancelAsync(id.Value, body?.SessionIds, body?.Reason, Customer, expectedVersion: null, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(ToDto(outcome.Value)) : ProblemResults.From(outcome.Failure);
    }

    private static async Task<IResult> RescheduleAsync(string token, RescheduleBody? body, ManageService manage, CancellationToken cancellationToken)
    {
        var id = await manage.FindIdByTokenAsync(token, cancellationToken);
        if (id is null)
        {
            return UnknownLink();
        }

        if (body is null)
        {
            return ProblemResults.From(BookingFailure.Invalid(FieldKey.Body, "Send a JSON body with the new start."));
        }

        // Several sessions move in one change (one history entry, one email) when the client sends them together.
        var outcome = body.Moves is { Count: > 0 } moves
            ? await manage.RescheduleManyAsync(id.Value, [.. moves.Select(m => (m.SessionId, m.Start))], body.Reason, Customer, expectedVersion: null, cancellationToken)
            : await manage.RescheduleAsync(id.Value, body.SessionId, body.Start, body.Reason, Customer, expectedVersion: null, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(ToDto(outcome.Value)) : ProblemResults.From(outcome.Failure);
    }

    /// <summary>What a change through the manage link answers, for the OpenAPI document.</summary>
    private static RouteHandlerBuilder ProducesChangeAnswers(this RouteHandlerBuilder builder)
        => builder.Produces<BookingDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The actor is whoever holds the token: the customer (named from the booking), never something the body claims.</summary>
    private static readonly ActorInfo Customer = new(Actor.Customer, null);

    private static BookingDto ToDto(ManagedBooking managed)
        => ApiMapper.ToDto(managed.Booking, managed.Page, managed.Rights.AllowedActions, manageUrl: null);

    /// <summary>The same answer for a malformed token and an unknown one, so the difference tells a guesser nothing.</summary>
    private static IResult UnknownLink()
        => ProblemResults.From(BookingFailure.NotFound("This link does not match any booking. Check that you copied all of it."));
}

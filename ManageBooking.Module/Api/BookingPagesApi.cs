using ManageBooking.Api.Contracts;
using ManageBooking.Api.Idempotency;
using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using ManageBooking.Policies;
using ManageBooking.Rendering;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace ManageBooking.Api;

/// <summary>The public API of booking pages: pages, their free slots, and new bookings.</summary>
public static class BookingPagesApi
{
    /// <summary>Bodies are small; anything larger is refused before it is read.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapBookingPagesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/booking-pages").WithTags("Booking pages");
        group.MapGet("/", ListAsync).WithMetadata(CompressibleResponse.Instance).WithName("ListBookingPages").WithSummary("The published booking pages.");
        group.MapGet("/{slug}", GetAsync).WithMetadata(CompressibleResponse.Instance).WithName("GetBookingPage").WithSummary("One published booking page: its policy and questions.")
            .Produces<BookingPageDto>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{slug}/slots", SlotsAsync).WithMetadata(CompressibleResponse.Instance).WithName("ListSlots")
            .WithSummary("Free starts of a page between two dates (at most 62 days), in a time zone (the page's by default).")
            .Produces<SlotsDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{slug}/bookings", CreateAsync).WithBodyLimit(MaxBodyBytes).WithMetadata(new Security.PrivateLinkAttribute())
            .WithName("CreateBooking")
            .WithSummary("Books one start, or every session of a package at once; the answer alone carries the manage URL.")
            .Accepts<CreateBookingBody>("application/json")
            .Produces<BookingDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithIdempotencyKey<CreateBookingBody>();
        return group;
    }

    private static async Task<Ok<IReadOnlyList<BookingPageDto>>> ListAsync(BookingPageQueries pages, CancellationToken cancellationToken)
    {
        var list = await pages.ListPublishedAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BookingPageDto>>([.. list.Select(ApiMapper.ToDto)]);
    }

    private static async Task<IResult> GetAsync(string slug, BookingPageQueries pages, CancellationToken cancellationToken)
    {
        var page = await pages.FindPublishedAsync(slug, cancellationToken);
        return page is null ? PageNotFound() : TypedResults.Ok(ApiMapper.ToDto(page));
    }

    private static async Task<IResult> SlotsAsync(
        string slug,
        string? from,
        string? to,
        string? timeZone,
        HttpContext context,
        BookingPageQueries pages,
        SlotQueryService slots,
        RenderStamps stamps,
        RenderCache kept,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Every visitor of a page asks the same weeks: kept as the booking page is, read before the calendar.
        var key = await stamps.PageKeyAsync(context, slug, zoneCookie: null, cancellationToken);
        if (key is not null && kept.TryGet(key, out var answer))
        {
            return new RenderedPageResult(answer);
        }

        var page = await pages.FindPublishedAsync(slug, cancellationToken);
        if (page is null)
        {
            return PageNotFound();
        }

        var window = SlotWindow.Parse(from, to, timeZone, PageSchedule.For(page).Zone, clock.GetCurrentInstant());
        if (!window.Succeeded)
        {
            return ProblemResults.From(window.Failure);
        }

        var free = await slots.FindFreeSlotsAsync(page, window.Value.Range, exceptSessionIds: null, cancellationToken);
        var until = free.Count > 0 ? free.Min(s => s.Start) - Duration.FromTimeSpan(page.MinimumNotice) : Instant.MaxValue;
        return KeptJson.Answer(context, kept, key, ApiMapper.ToDto(free, window.Value.Zone), until);
    }

    private static async Task<IResult> CreateAsync(
        string slug,
        CreateBookingBody? body,
        BookingService bookings,
        ManageLinks links,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ProblemResults.From(BookingFailure.Invalid(FieldKey.Body, "Send a JSON body with name, email, timeZone, starts and the answers the page asks for."));
        }

        var answers = ApiAnswers.Read(body.Answers);
        if (!answers.Succeeded)
        {
            return ProblemResults.From(answers.Failure);
        }

        var outcome = await bookings.CreateAsync(slug, new NewBookingInput(body.Name, body.Email, body.TimeZone, body.Starts, answers.Value, body.Phone), cancellationToken);
        if (!outcome.Succeeded)
        {
            return ProblemResults.From(outcome.Failure);
        }

        // The link always works (read-only when self-service is off), so the one answer that can carry it does.
        var created = outcome.Value;
        var rights = ManagePolicy.Evaluate(created.Booking, created.Page, clock.GetCurrentInstant(), Models.Actor.Customer);
        var dto = ApiMapper.ToDto(created.Booking, created.Page, rights.AllowedActions, links.ManagePage(created.ManageToken).ToString());
        return TypedResults.Created(ManagePaths.Api(created.ManageToken), dto);
    }

    private static IResult PageNotFound()
        => ProblemResults.From(BookingFailure.NotFound("There is no booking page at this address."));
}

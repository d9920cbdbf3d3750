using ManageBooking.Bookings;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Api;

/// <summary>Maps expected failures to RFC 7807 problem details, in one place.</summary>
public static class ProblemResults
{
    public static IResult From(BookingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var status = StatusFor(failure.Kind);
        if (failure.Errors is { Count: > 0 })
        {
            return Results.ValidationProblem(
                failure.Errors.ToDictionary(e => e.Key, e => e.Value),
                detail: failure.Detail,
                title: failure.Title,
                statusCode: status);
        }

        return Results.Problem(detail: failure.Detail, title: failure.Title, statusCode: status);
    }

    public static int StatusFor(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Refused => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };
}

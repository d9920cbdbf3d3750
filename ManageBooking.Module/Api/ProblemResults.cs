using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Api;

/// <summary>Expected failures as RFC 7807 problem details, with the statuses the pages use too.</summary>
public static class ProblemResults
{
    public static IResult From(BookingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var status = FailureResponses.StatusFor(failure.Kind);
        if (failure.Errors is { Count: > 0 })
        {
            return Results.ValidationProblem(
                failure.Errors.ToDictionary(e => e.Key.Name, e => e.Value),
                detail: failure.Detail,
                title: failure.Title,
                statusCode: status);
        }

        return Results.Problem(detail: failure.Detail, title: failure.Title, statusCode: status);
    }
}

using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using ManageBooking.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ManageBooking.Admin.Controllers;

/// <summary>
/// An admin form's expected failure: the status from <see cref="FailureResponses"/> (the one table for the API and
/// every page) and its messages beside the form's fields by their keys; what belongs to no field, for the top.
/// </summary>
public static class AdminFailures
{
    /// <returns>The message for the top of the form, or null when every message found its field.</returns>
    public static string? Show(Controller controller, BookingFailure failure, Func<FieldKey, string?> formField)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(failure);
        controller.Response.StatusCode = FailureResponses.StatusFor(failure.Kind);
        var text = controller.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<AdminText>>();
        return FailureResponses.AddTo(controller.ModelState, failure, text, formField) ? null : Top(failure);
    }

    /// <summary>A failure in one line: the messages per field when there are some, else its title and detail.</summary>
    public static string Top(BookingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.SelectMany(v => v)) : $"{failure.Title} {failure.Detail}";
    }
}

using ManageBooking.Bookings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace ManageBooking.BookingPages.Services;

/// <summary>
/// Expected failures as HTTP, in one place for the API and the pages: the status of each kind of failure, and a
/// failure's messages put beside a form's fields by their keys.
/// </summary>
public static class FailureResponses
{
    public static int StatusFor(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status400BadRequest,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Refused => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// Adds each message beside the form field <paramref name="formField"/> names for its key; returns false when some
    /// of the failure is about no field of the form, so the page says it at the top.
    /// </summary>
    public static bool AddTo(ModelStateDictionary modelState, BookingFailure failure, IStringLocalizer text, Func<FieldKey, string?> formField)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(formField);
        var unplaced = false;
        foreach (var (key, messages) in failure.Errors ?? new Dictionary<FieldKey, string[]>())
        {
            if (formField(key) is { } field)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(field, text[message]);
                }
            }
            else
            {
                unplaced = true;
            }
        }

        if (failure.Errors is null && failure.Field is { } about && formField(about) is { } refusedField)
        {
            modelState.AddModelError(refusedField, text[failure.Detail]);
            return true;
        }

        return failure.Errors is not null && !unplaced;
    }
}

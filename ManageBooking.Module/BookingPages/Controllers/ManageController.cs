using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace ManageBooking.BookingPages.Controllers;

/// <summary>
/// The Manage your booking pages. Every GET only reads (mail scanners open these links); every change is a POST with
/// antiforgery, answered by a redirect to a result page. The actor is the token's holder: the customer.
/// </summary>
[Route("booking/manage/{token}")]
[PrivateLink]
[EnableRateLimiting(ManageLinkRateLimiting.PolicyName)]
public sealed class ManageController(
    ManageService manage,
    ManageViewModelFactory views,
    TimeProvider clock,
    IStringLocalizer<Localization.SharedText> localizer) : Controller
{
    private const string ResultKey = "ManageBooking.ManageResult";
    private const int DaysShown = 7;

    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(string token, string? tz, CancellationToken cancellationToken)
    {
        var managed = await FindAsync(token, cancellationToken);
        return managed is null ? UnknownLink() : View(Theming.ViewAlternates.Pick(ControllerContext, "Index", managed.Page.Slug), views.Create(managed, token, tz));
    }

    [HttpGet("keep")]
    public async Task<IActionResult> KeepAsync(string token, string? tz, CancellationToken cancellationToken)
    {
        var managed = await FindAsync(token, cancellationToken);
        return managed is null ? UnknownLink() : View("Result", new ManageResultViewModel(views.Create(managed, token, tz), ManageResult.Kept));
    }

    [HttpGet("cancel")]
    public async Task<IActionResult> CancelAsync(string token, string? tz, Guid? session, CancellationToken cancellationToken)
    {
        var managed = await FindAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var model = views.Create(managed, token, tz);
        if (!model.CanCancel)
        {
            return RedirectTo(model.Link());
        }

        var selected = session is { } id ? [id] : model.Sessions.Where(s => s.CanCancel).Select(s => s.Id).ToArray();
        return View("Cancel", new CancelViewModel { Booking = model, Selected = selected });
    }

    [HttpPost("cancel")]
    public async Task<IActionResult> CancelAsync(string token, CancelForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = await manage.FindIdByTokenAsync(token, cancellationToken);
        var managed = id is null ? null : await manage.GetAsync(id.Value, Actor.Customer, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        // A package posts the sessions ticked; a single booking posts none and means the whole booking.
        if (managed.Rights.Sessions.Count > 1 && form.SessionIds.Count == 0)
        {
            ModelState.AddModelError("SessionIds", localizer["Choose at least one session to cancel."]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Cancel", new CancelViewModel { Booking = views.Create(managed, token, form.Tz), Reason = form.Reason });
        }

        var outcome = await manage.CancelAsync(id!.Value, form.SessionIds, form.Reason, ActorInfo.Customer(managed.Booking), form.Version, cancellationToken);
        if (outcome.Succeeded)
        {
            return ShowResult(ManageResult.Cancelled, token, form.Tz);
        }

        AddFailure(outcome.Failure, reasonField: "Reason");
        var fresh = await manage.GetAsync(id.Value, Actor.Customer, cancellationToken) ?? managed;
        return View("Cancel", new CancelViewModel
        {
            Booking = views.Create(fresh, token, form.Tz),
            Selected = form.SessionIds,
            Reason = form.Reason,
            Message = outcome.Failure.Errors is null ? localizer[outcome.Failure.Title] + " " + localizer[outcome.Failure.Detail] : null,
        });
    }

    [HttpGet("reschedule")]
    public async Task<IActionResult> RescheduleAsync(string token, string? tz, Guid? session, string? date, CancellationToken cancellationToken)
    {
        var managed = await FindAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var model = views.Create(managed, token, tz);
        var movable = model.Sessions.Where(s => s.CanReschedule).ToList();
        var chosen = session is { } id ? movable.FirstOrDefault(s => s.Id == id) : movable.Count == 1 ? movable[0] : null;
        if (chosen is null)
        {
            // Nothing to move, or a package whose session is not chosen yet: the overview lists the sessions to pick from.
            return RedirectTo(model.Link());
        }

        var zone = DateTimeZoneProviders.Tzdb[model.ZoneId];
        var today = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(zone).Date;
        var weekStart = Weeks.Start(InputRules.ParseDate(date), today);
        var free = await manage.FreeSlotsForMoveAsync(managed, chosen.Id, Scheduling.ViewerRange.Of(weekStart, weekStart.PlusDays(DaysShown - 1), zone), cancellationToken);
        return View("Reschedule", new ReschedulePickerViewModel
        {
            Booking = model,
            Session = chosen,
            Days = SlotDays.Build(free, zone, new HashSet<string>()),
            Week = Weeks.Nav(weekStart, today, DaysShown, d => model.Link("reschedule", $"session={chosen.Id}&date={d}")),
        });
    }

    [HttpGet("reschedule/review")]
    public async Task<IActionResult> ReviewAsync(string token, string? tz, Guid? session, string? start, CancellationToken cancellationToken)
    {
        var managed = await FindAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var model = views.Create(managed, token, tz);
        var chosen = model.Sessions.FirstOrDefault(s => s.Id == session && s.CanReschedule);
        var newStart = InputRules.ParseInstant(start);
        if (chosen is null || newStart is null)
        {
            return RedirectTo(chosen is null ? model.Link() : model.Link("reschedule", $"session={chosen.Id}"));
        }

        return View("Review", Review(model, managed, chosen, start!, newStart.Value, null, null));
    }

    [HttpPost("reschedule")]
    public async Task<IActionResult> RescheduleAsync(string token, RescheduleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = await manage.FindIdByTokenAsync(token, cancellationToken);
        var managed = id is null ? null : await manage.GetAsync(id.Value, Actor.Customer, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var outcome = await manage.RescheduleAsync(id!.Value, form.SessionId, form.Start, form.Reason, ActorInfo.Customer(managed.Booking), form.Version, cancellationToken);
        if (outcome.Succeeded)
        {
            return ShowResult(ManageResult.Rescheduled, token, form.Tz);
        }

        AddFailure(outcome.Failure, reasonField: "Reason");
        var fresh = await manage.GetAsync(id.Value, Actor.Customer, cancellationToken) ?? managed;
        var model = views.Create(fresh, token, form.Tz);
        var session = model.Sessions.FirstOrDefault(s => s.Id == form.SessionId);
        var newStart = InputRules.ParseInstant(form.Start);
        if (session is null || newStart is null)
        {
            return View("Index", model);
        }

        var message = outcome.Failure.Errors is null ? localizer[outcome.Failure.Title] + " " + localizer[outcome.Failure.Detail] : null;
        return View("Review", Review(model, fresh, session, form.Start!, newStart.Value, form.Reason, message));
    }

    [HttpGet("done")]
    public async Task<IActionResult> DoneAsync(string token, string? tz, CancellationToken cancellationToken)
    {
        var managed = await FindAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var model = views.Create(managed, token, tz);
        return TempData[ResultKey] is string text && Enum.TryParse<ManageResult>(text, out var result)
            ? View("Result", new ManageResultViewModel(model, result))
            : RedirectTo(model.Link());
    }

    private static RescheduleReviewViewModel Review(
        ManageViewModel model, ManagedBooking managed, ManageSessionLine session, string start, Instant newStart, string? reason, string? message)
    {
        var zone = DateTimeZoneProviders.Tzdb[model.ZoneId];
        var length = managed.Page.SessionLength;
        return new RescheduleReviewViewModel
        {
            Booking = model,
            Session = session,
            Start = start,
            NewWhen = TimeDisplay.Range(newStart, newStart + Duration.FromTimeSpan(length), zone),
            Reason = reason,
            Message = message,
        };
    }

    private async Task<ManagedBooking?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var id = await manage.FindIdByTokenAsync(token, cancellationToken);
        return id is null ? null : await manage.GetAsync(id.Value, Actor.Customer, cancellationToken);
    }

    private void AddFailure(BookingFailure failure, string reasonField)
    {
        Response.StatusCode = failure.Kind switch
        {
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        if (failure.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                ModelState.AddModelError(field == "reason" ? reasonField : field, localizer[messages[0]]);
            }
        }
        else if (failure.Title.StartsWith("A reason", StringComparison.Ordinal))
        {
            ModelState.AddModelError(reasonField, localizer[failure.Detail]);
        }
    }

    /// <summary>303 See Other: the browser follows a POST's answer with a GET, so a reload never posts twice.</summary>
    private StatusCodeResult ShowResult(ManageResult result, string token, string? tz)
    {
        TempData[ResultKey] = result.ToString();
        Response.Headers.Location = $"/booking/manage/{token}/done?tz={Uri.EscapeDataString(tz ?? "")}";
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    private static RedirectResult RedirectTo(string url) => new(url);

    private ViewResult UnknownLink()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound");
    }
}

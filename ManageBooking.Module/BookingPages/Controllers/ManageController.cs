using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Rendering;
using ManageBooking.Scheduling;
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
[Route(ManagePaths.PageRoute)]
[PrivateLink]
[EnableRateLimiting(ManageLinkRateLimiting.PolicyName)]
public sealed class ManageController(
    ManageService manage,
    ManageViewModelFactory views,
    CalendarEntries calendarEntries,
    TimeProvider clock,
    SlotWeekBuilder weeks,
    IStringLocalizer<Localization.SharedText> localizer) : Controller
{
    private const string ResultKey = "ManageBooking.ManageResult";

    [HttpGet("")]
    [KeptRender(KeptRenderKind.Booking)] // the page most opened: kept while the booking, its page and the theme stay as they were
    public async Task<IActionResult> IndexAsync(string token, string? tz, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        RenderLookup.Keep(HttpContext, ManagePolicy.NextChange(managed.Booking, managed.Page, clock.GetCurrentInstant()));
        return View(Theming.ViewAlternates.Pick(ControllerContext, "Index", managed.Page.Slug), views.Create(managed, token, tz));
    }

    [HttpGet("keep")]
    public async Task<IActionResult> KeepAsync(string token, string? tz, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
        return managed is null ? UnknownLink() : View("Result", new ManageResultViewModel(views.Create(managed, token, tz), ManageResult.Kept));
    }

    [HttpGet("cancel")]
    public async Task<IActionResult> CancelAsync(string token, string? tz, Guid? session, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
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
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var id = managed.Booking.Id;

        var outcome = await manage.CancelAsync(id, form.SessionIds, form.Reason, ActorInfo.Customer(managed.Booking), form.Version, cancellationToken);
        if (outcome.Succeeded)
        {
            return ShowResult(ManageResult.Cancelled, token, form.Tz);
        }

        var placed = ShowFailure(outcome.Failure);
        var fresh = await manage.GetAsync(id, Actor.Customer, cancellationToken) ?? managed;
        return View("Cancel", new CancelViewModel
        {
            Booking = views.Create(fresh, token, form.Tz),
            Selected = form.SessionIds,
            Reason = form.Reason,
            Message = placed ? null : TopMessage(outcome.Failure),
        });
    }

    /// <summary>
    /// The Reschedule tab. A package first asks which sessions move (tick several); then each gets its new time in turn,
    /// the session's current time shown but not choosable; then one summary. Every step is a GET carrying the choices.
    /// </summary>
    [HttpGet("reschedule")]
    public async Task<IActionResult> RescheduleAsync(
        string token, string? tz, [FromQuery(Name = "session")] List<Guid>? sessions, [FromQuery(Name = "start")] List<string>? starts,
        int? step, bool choose, string? date, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var model = views.Create(managed, token, tz);
        var movable = model.Sessions.Where(s => s.CanReschedule).ToList();
        if (movable.Count == 0)
        {
            return RedirectTo(model.Link());
        }

        var chosen = (sessions ?? []).Distinct().ToList();
        if (chosen.Count == 0 && movable.Count == 1 && !model.IsPackage)
        {
            chosen = [movable[0].Id];
        }

        if (chosen.Count == 0)
        {
            // A package's Reschedule tab: which sessions move? Continue with none ticked says so.
            if (choose)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return View("RescheduleChoose", new RescheduleChooseViewModel
            {
                Booking = model,
                Message = choose ? localizer["Tick at least one session to reschedule."].Value : null,
            });
        }

        if (chosen.Any(id => movable.All(m => m.Id != id)))
        {
            return RedirectTo(model.Link());
        }

        var steps = new RescheduleSteps(chosen, starts ?? []);
        if (steps.ChosenStarts() is not { } picked)
        {
            return RedirectTo(model.Link("reschedule", new RescheduleSteps(chosen, []).Query()));
        }

        if (steps.IsComplete)
        {
            return RedirectTo(model.Link("reschedule/review", steps.Query()));
        }

        // Continue pressed on this step without a time: say so instead of showing the same step again silently.
        var message = step == steps.Step ? localizer["Choose a new time for this session, or go back."].Value : null;
        var session = movable.First(m => m.Id == steps.Current);
        var current = managed.Booking.Sessions.First(s => s.Id == session.Id);
        var zone = DateTimeZoneProviders.Tzdb[model.ZoneId];
        var week = await weeks.BuildAsync(
            zone,
            date,
            (range, ct) => manage.FreeSlotsForMovesAsync(managed, chosen, picked, range, ct),
            new HashSet<string>(),
            d => model.Link("reschedule", $"{steps.Query()}&date={d}"),
            cancellationToken,
            current: Instant.FromDateTimeUtc(current.StartUtc));
        if (message is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View("Reschedule", new ReschedulePickerViewModel
        {
            Booking = model,
            Session = session,
            Steps = steps,
            Chosen = [.. picked.Select((start, i) => (model.Sessions.First(s => s.Id == chosen[i]).When, TimeDisplay.Range(start, start + Duration.FromTimeSpan(managed.Page.SessionLength), zone)))],
            Days = week.Days,
            Week = week.Nav,
            WeekStart = NodaTime.Text.LocalDatePattern.Iso.Format(week.Start),
            Message = message,
        });
    }

    [HttpGet("reschedule/review")]
    public async Task<IActionResult> ReviewAsync(
        string token, string? tz, [FromQuery(Name = "session")] List<Guid>? sessions, [FromQuery(Name = "start")] List<string>? starts, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var model = views.Create(managed, token, tz);
        var steps = new RescheduleSteps((sessions ?? []).Distinct().ToList(), starts ?? []);
        if (steps.Sessions.Count == 0 || steps.Sessions.Any(id => !model.Sessions.Any(s => s.Id == id && s.CanReschedule)))
        {
            return RedirectTo(model.Link());
        }

        if (!steps.IsComplete || steps.ChosenStarts() is null)
        {
            return RedirectTo(model.Link("reschedule", steps.Query() + $"&step={steps.Step}"));
        }

        return View("Review", Review(model, managed, steps, null, null));
    }

    [HttpPost("reschedule")]
    public async Task<IActionResult> RescheduleAsync(string token, RescheduleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var id = managed.Booking.Id;

        var moves = form.SessionIds.Select((session, i) => ((Guid?)session, form.Starts.ElementAtOrDefault(i))).ToList();
        var outcome = await manage.RescheduleManyAsync(id, moves, form.Reason, ActorInfo.Customer(managed.Booking), form.Version, cancellationToken);
        if (outcome.Succeeded)
        {
            return ShowResult(ManageResult.Rescheduled, token, form.Tz);
        }

        var placed = ShowFailure(outcome.Failure);
        var fresh = await manage.GetAsync(id, Actor.Customer, cancellationToken) ?? managed;
        var model = views.Create(fresh, token, form.Tz);
        var steps = new RescheduleSteps(form.SessionIds, form.Starts);
        if (!steps.IsComplete || steps.ChosenStarts() is null || steps.Sessions.Any(s => model.Sessions.All(l => l.Id != s)))
        {
            return View("Index", model);
        }

        return View("Review", Review(model, fresh, steps, form.Reason, placed ? null : TopMessage(outcome.Failure)));
    }

    /// <summary>The sessions still to come as an iCalendar file for the customer's own calendar (a GET: it changes nothing).</summary>
    [HttpGet("calendar.ics")]
    public async Task<IActionResult> CalendarFileAsync(string token, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var entries = calendarEntries.Upcoming(managed.Booking, managed.Page, clock.GetCurrentInstant());
        if (entries.Count == 0)
        {
            return RedirectTo(views.Create(managed, token, null).Link());
        }

        var file = Calendars.ICalendarWriter.Write(new Calendars.CalendarInvite(
            Calendars.CalendarMethod.Publish, new Calendars.CalendarParty(managed.Page.OwnerEmail, managed.Page.OwnerName), null, clock.GetCurrentInstant(), entries));
        return File(System.Text.Encoding.UTF8.GetBytes(file), "text/calendar; charset=utf-8", $"{managed.Booking.Reference}.ics");
    }

    [HttpGet("done")]
    public async Task<IActionResult> DoneAsync(string token, string? tz, CancellationToken cancellationToken)
    {
        var managed = await manage.OpenAsync(token, cancellationToken);
        if (managed is null)
        {
            return UnknownLink();
        }

        var model = views.Create(managed, token, tz);
        return TempData[ResultKey] is string text && Enum.TryParse<ManageResult>(text, out var result)
            ? View("Result", new ManageResultViewModel(model, result))
            : RedirectTo(model.Link());
    }

    private static RescheduleReviewViewModel Review(ManageViewModel model, ManagedBooking managed, RescheduleSteps steps, string? reason, string? message)
    {
        var zone = DateTimeZoneProviders.Tzdb[model.ZoneId];
        var length = Duration.FromTimeSpan(managed.Page.SessionLength);
        var starts = steps.ChosenStarts()!;
        return new RescheduleReviewViewModel
        {
            Booking = model,
            Steps = steps,
            Moves = [.. steps.Sessions.Select((id, i) => new RescheduleMoveLine(
                id, model.Sessions.First(s => s.Id == id).When, steps.Starts[i], TimeDisplay.Range(starts[i], starts[i] + length, zone)))],
            Reason = reason,
            Message = message,
        };
    }

    /// <summary>Sets the failure's status and puts its messages beside the form's fields; false when some belong on top.</summary>
    private bool ShowFailure(BookingFailure failure)
    {
        Response.StatusCode = FailureResponses.StatusFor(failure.Kind);
        return FailureResponses.AddTo(ModelState, failure, localizer, FormField);
    }

    private string TopMessage(BookingFailure failure) => localizer[failure.Title] + " " + localizer[failure.Detail];

    /// <summary>The manage forms' field for each key of a failure.</summary>
    private static string? FormField(FieldKey key)
        => key == FieldKey.Reason ? nameof(CancelForm.Reason)
            : key == FieldKey.SessionIds ? nameof(CancelForm.SessionIds)
            : null;

    /// <summary>303 See Other: the browser follows a POST's answer with a GET, so a reload never posts twice.</summary>
    private StatusCodeResult ShowResult(ManageResult result, string token, string? tz)
    {
        TempData[ResultKey] = result.ToString();
        Response.Headers.Location = $"{ManagePaths.Page(token, "done")}?tz={Uri.EscapeDataString(tz ?? "")}";
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    private static RedirectResult RedirectTo(string url) => new(url);

    private ViewResult UnknownLink()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound");
    }
}

using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace ManageBooking.Admin.Controllers;

/// <summary>
/// Staff move sessions through the customers' picker: which sessions (a package), a new time for each in turn, week by
/// week, then one summary saying who will be emailed, then one POST. Every step before it is a GET carrying the choices,
/// as the customer's steps are. Staff may choose times inside the page's notice and past its cutoffs; never a taken one.
/// </summary>
[Route("admin/bookings/{id:guid}/reschedule")]
[Authorize(Policy = nameof(Permissions.ViewBookings))]
public sealed class StaffRescheduleController(
    ManageService manage, SlotWeekBuilder weeks, NotificationPreview preview, NotifiedText notified, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> PickAsync(
        Guid id, [FromQuery(Name = "session")] List<Guid>? sessions, [FromQuery(Name = "start")] List<string>? starts,
        int? step, bool choose, string? date, string? tz, CancellationToken cancellationToken)
    {
        var managed = await manage.GetAsync(id, Actor.Staff, cancellationToken);
        if (managed is null)
        {
            return NotFound();
        }

        var lines = StaffSessionLine.For(managed, clock.GetCurrentInstant());
        var movable = lines.Where(s => s.CanReschedule).ToList();
        if (movable.Count == 0)
        {
            return Back(id, "Nothing left to reschedule: every session has started or is cancelled.");
        }

        var chosen = (sessions ?? []).Distinct().ToList();
        if (chosen.Count == 0 && movable.Count == 1)
        {
            chosen = [movable[0].Id];
        }

        if (chosen.Count == 0 || chosen.Any(c => movable.All(m => m.Id != c)))
        {
            var message = chosen.Count > 0 ? "One of the ticked sessions can't be moved: it has started or is cancelled."
                : choose ? "Tick at least one session to reschedule." : null;
            if (message is not null)
            {
                ModelState.AddModelError("session", message);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return View("SessionChoice", new SessionChoiceViewModel { Managed = managed, Purpose = SessionChoice.Reschedule, Sessions = lines, Selected = chosen });
        }

        var steps = new RescheduleSteps(chosen, starts ?? []);
        if (steps.ChosenStarts() is not { } picked)
        {
            return Redirect(StepUrl(id, new RescheduleSteps(chosen, []), tz));
        }

        if (steps.IsComplete)
        {
            return Redirect(ReviewUrl(id, steps, tz));
        }

        var zone = ShownZone(managed, tz);
        var session = managed.Booking.Sessions.First(s => s.Id == steps.Current);
        var week = await weeks.BuildAsync(
            zone,
            date,
            (range, ct) => manage.FreeSlotsForMovesAsync(managed, chosen, picked, range, ct),
            new HashSet<string>(),
            d => StepUrl(id, steps, zone.Id) + "&date=" + d,
            cancellationToken,
            current: Instant.FromDateTimeUtc(session.StartUtc));
        string? missing = null;
        if (step == steps.Step)
        {
            // Continue pressed on this step without a time: say so instead of showing the same step silently.
            missing = "Choose a new time for this session, or go back.";
            ModelState.AddModelError("start", missing);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        var length = Duration.FromTimeSpan(managed.Page.SessionLength);
        var other = OtherZone(managed, zone);
        var weekStart = NodaTime.Text.LocalDatePattern.Iso.Format(week.Start);
        return View("Pick", new StaffReschedulePickerViewModel
        {
            Managed = managed,
            Now = TimeDisplay.Range(session.StartUtc, session.EndUtc, zone),
            Steps = steps,
            Chosen = [.. picked.Select((start, i) =>
            {
                var moved = managed.Booking.Sessions.First(s => s.Id == chosen[i]);
                return (TimeDisplay.Range(moved.StartUtc, moved.EndUtc, zone), TimeDisplay.Range(start, start + length, zone));
            })],
            Days = week.Days,
            Week = week.Nav,
            WeekStart = weekStart,
            ZoneId = zone.Id,
            ZoneLabel = ZoneLabel.Describe(zone, week.Start.AtStartOfDayInZone(zone).ToInstant()),
            OtherZone = other is null ? null : (ZoneLabel.Describe(other, clock.GetCurrentInstant()), StepUrl(id, steps, other.Id) + "&date=" + weekStart),
            Message = missing,
        });
    }

    [HttpGet("review")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> ReviewAsync(
        Guid id, [FromQuery(Name = "session")] List<Guid>? sessions, [FromQuery(Name = "start")] List<string>? starts, string? tz, CancellationToken cancellationToken)
    {
        var managed = await manage.GetAsync(id, Actor.Staff, cancellationToken);
        if (managed is null)
        {
            return NotFound();
        }

        var steps = new RescheduleSteps((sessions ?? []).Distinct().ToList(), starts ?? []);
        if (steps.Sessions.Count == 0 || steps.Sessions.Any(s => managed.Rights.For(s) is not { CanReschedule: true }))
        {
            return Back(id, "Nothing to review: choose the sessions to reschedule again.");
        }

        if (!steps.IsComplete || steps.ChosenStarts() is null)
        {
            return Redirect(StepUrl(id, steps, tz) + $"&step={steps.Step}");
        }

        return View("Review", await ReviewModelAsync(managed, steps, tz, reason: null, notifyCustomer: true, message: null, cancellationToken));
    }

    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> RescheduleAsync(
        Guid id, [FromForm(Name = "session")] List<Guid>? sessions, [FromForm(Name = "start")] List<string>? starts,
        string? reason, bool notifyCustomer, Guid? version, string? tz, CancellationToken cancellationToken)
    {
        var chosen = sessions ?? [];
        var moves = chosen.Select((session, i) => ((Guid?)session, (starts ?? []).ElementAtOrDefault(i))).ToList();
        var outcome = await manage.RescheduleForCustomerAsync(id, moves, reason, notifyCustomer, new ActorInfo(Actor.Staff, User.Identity?.Name), version, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[BookingsAdminController.NoticeKey] = (chosen.Count > 1 ? "Sessions moved." : "Session moved.") + " " + notified.After(outcome.Value.Notified);
            return RedirectToAction("Details", "BookingsAdmin", new { id });
        }

        var top = AdminFailures.Show(this, outcome.Failure, key => key == FieldKey.Reason ? "reason" : null);
        var managed = await manage.GetAsync(id, Actor.Staff, cancellationToken);
        var steps = new RescheduleSteps(chosen, starts ?? []);
        if (managed is null)
        {
            return NotFound();
        }

        if (!steps.IsComplete || steps.ChosenStarts() is null || steps.Sessions.Any(s => managed.Booking.Sessions.All(b => b.Id != s)))
        {
            return Back(id, top ?? "Nothing was moved.");
        }

        return View("Review", await ReviewModelAsync(managed, steps, tz, reason, notifyCustomer, top, cancellationToken));
    }

    private async Task<StaffRescheduleReviewViewModel> ReviewModelAsync(
        ManagedBooking managed, RescheduleSteps steps, string? tz, string? reason, bool notifyCustomer, string? message, CancellationToken cancellationToken)
    {
        var zone = ShownZone(managed, tz);
        var length = Duration.FromTimeSpan(managed.Page.SessionLength);
        var starts = steps.ChosenStarts()!;
        var now = clock.GetCurrentInstant();
        var sessions = steps.Sessions.Select(id => managed.Booking.Sessions.First(s => s.Id == id)).ToList();
        var notice = new BookingNotice(BookingEvent.Rescheduled, managed.Booking, managed.Page, sessions);
        return new StaffRescheduleReviewViewModel
        {
            Managed = managed,
            Steps = steps,
            Moves = [.. sessions.Select((session, i) => new RescheduleMoveLine(
                session.Id, TimeDisplay.Range(session.StartUtc, session.EndUtc, zone), steps.Starts[i], TimeDisplay.Range(starts[i], starts[i] + length, zone)))],
            ZoneId = zone.Id,
            ZoneLabel = ZoneLabel.Describe(zone, starts[0]),
            Overrides = [.. sessions.SelectMany((session, i) => StaffOverride.ForMove(managed.Booking, managed.Page, session, starts[i], now)).Distinct()],
            Recipients = await preview.ForAsync(notice, cancellationToken),
            Reason = reason,
            NotifyCustomer = notifyCustomer,
            Message = message,
        };
    }

    /// <summary>The zone asked for when it is the page's or the customer's; else the page's.</summary>
    private static DateTimeZone ShownZone(ManagedBooking managed, string? tz)
    {
        var customer = Zones.OfCustomer(managed.Booking);
        return tz is not null && tz == customer.Id ? customer : Zones.Of(managed.Page);
    }

    private static DateTimeZone? OtherZone(ManagedBooking managed, DateTimeZone shown)
    {
        var page = Zones.Of(managed.Page);
        var customer = Zones.OfCustomer(managed.Booking);
        return page.Id == customer.Id ? null : shown.Id == page.Id ? customer : page;
    }

    private static string StepUrl(Guid id, RescheduleSteps steps, string? tz)
        => $"/admin/bookings/{id}/reschedule?{steps.Query()}" + (tz is null ? "" : "&tz=" + Uri.EscapeDataString(tz));

    private static string ReviewUrl(Guid id, RescheduleSteps steps, string? tz)
        => $"/admin/bookings/{id}/reschedule/review?{steps.Query()}" + (tz is null ? "" : "&tz=" + Uri.EscapeDataString(tz));

    private RedirectToActionResult Back(Guid id, string notice)
    {
        TempData[BookingsAdminController.NoticeKey] = notice;
        return RedirectToAction("Details", "BookingsAdmin", new { id });
    }
}

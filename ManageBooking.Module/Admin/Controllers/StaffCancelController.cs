using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ManageBooking.Admin.Controllers;

/// <summary>
/// Staff cancel chosen sessions (a package's, or a single session) in two steps: a GET that shows what will be cancelled
/// and who will be emailed, with the reason to give; then the POST. Nothing changes until that POST.
/// </summary>
[Route("admin/bookings/{id:guid}/cancel")]
[Authorize(Policy = nameof(Permissions.ViewBookings))]
public sealed class StaffCancelController(ManageService manage, NotificationPreview preview, NotifiedText notified, TimeProvider clock) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> ConfirmAsync(Guid id, [FromQuery(Name = "session")] List<Guid>? sessions, bool choose, CancellationToken cancellationToken)
    {
        var managed = await manage.GetAsync(id, Actor.Staff, cancellationToken);
        if (managed is null)
        {
            return NotFound();
        }

        var lines = StaffSessionLine.For(managed, clock.GetCurrentInstant());
        var cancellable = lines.Where(s => s.CanCancel).ToList();
        if (cancellable.Count == 0)
        {
            TempData[BookingsAdminController.NoticeKey] = "Nothing left to cancel: every session has started or is cancelled.";
            return RedirectToAction("Details", "BookingsAdmin", new { id });
        }

        var chosen = (sessions ?? []).Distinct().ToList();
        if (chosen.Count == 0 && cancellable.Count == 1)
        {
            chosen = [cancellable[0].Id];
        }

        if (chosen.Count == 0 || chosen.Any(c => cancellable.All(s => s.Id != c)))
        {
            if (chosen.Count > 0 || choose)
            {
                ModelState.AddModelError("session", chosen.Count > 0
                    ? "One of the ticked sessions can't be cancelled: it has started or is cancelled."
                    : "Tick at least one session to cancel.");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return View("SessionChoice", new SessionChoiceViewModel { Managed = managed, Purpose = SessionChoice.Cancel, Sessions = lines, Selected = chosen });
        }

        return View("Confirm", await ConfirmModelAsync(managed, lines, chosen, reason: null, notifyCustomer: true, message: null, cancellationToken));
    }

    [HttpPost("")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> CancelAsync(
        Guid id, [FromForm(Name = "session")] List<Guid>? sessions, string? reason, bool notifyCustomer, Guid? version, CancellationToken cancellationToken)
    {
        // No session named chooses nothing, and is refused: a confirmed step always names what it cancels.
        var chosen = (sessions ?? []).Distinct().ToList();
        var outcome = await manage.CancelForCustomerAsync(id, chosen, reason, notifyCustomer, new ActorInfo(Actor.Staff, User.Identity?.Name), version, cancellationToken);
        if (outcome.Succeeded)
        {
            var done = outcome.Value.Booking.Status == BookingStatus.Cancelled ? "Booking cancelled." : chosen.Count > 1 ? "Sessions cancelled." : "Session cancelled.";
            TempData[BookingsAdminController.NoticeKey] = done + " " + notified.After(outcome.Value.Notified);
            return RedirectToAction("Details", "BookingsAdmin", new { id });
        }

        var top = AdminFailures.Show(this, outcome.Failure, key => key == FieldKey.Reason ? "reason" : key == FieldKey.SessionIds ? "session" : null);
        var managed = await manage.GetAsync(id, Actor.Staff, cancellationToken);
        if (managed is null)
        {
            return NotFound();
        }

        var lines = StaffSessionLine.For(managed, clock.GetCurrentInstant());
        if (chosen.Count == 0 || chosen.Any(c => lines.All(l => l.Id != c || !l.CanCancel)))
        {
            return View("SessionChoice", new SessionChoiceViewModel { Managed = managed, Purpose = SessionChoice.Cancel, Sessions = lines, Selected = chosen, Message = top });
        }

        return View("Confirm", await ConfirmModelAsync(managed, lines, chosen, reason, notifyCustomer, top, cancellationToken));
    }

    private async Task<StaffCancelViewModel> ConfirmModelAsync(
        ManagedBooking managed, IReadOnlyList<StaffSessionLine> lines, List<Guid> chosen, string? reason, bool notifyCustomer, string? message, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var sessions = chosen.Select(c => managed.Booking.Sessions.First(s => s.Id == c)).ToList();
        var stillScheduled = ManagePolicy.CurrentSessions(managed.Booking).Where(s => s.Status == SessionStatus.Scheduled).Select(s => s.Id);
        return new StaffCancelViewModel
        {
            Managed = managed,
            Sessions = [.. lines.Where(l => chosen.Contains(l.Id))],
            WholeBooking = stillScheduled.All(chosen.Contains),
            Overrides = [.. sessions.SelectMany(s => StaffOverride.ForCancel(managed.Booking, managed.Page, s, now)).Distinct()],
            Recipients = await preview.ForAsync(new BookingNotice(BookingEvent.Cancelled, managed.Booking, managed.Page, sessions), cancellationToken),
            Reason = reason,
            NotifyCustomer = notifyCustomer,
            Message = message,
        };
    }
}

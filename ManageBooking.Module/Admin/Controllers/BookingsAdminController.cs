using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.BookingPages.Services;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ManageBooking.Admin.Controllers;

/// <summary>Bookings in the admin: the list, one booking, and staff actions through the same service customers use.</summary>
[Route("admin/bookings")]
[Authorize(Policy = nameof(Permissions.ViewBookings))]
public sealed class BookingsAdminController(
    BookingListQuery list, ManageService manage, BookingNotes notes, ManageBookingDbContext db, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    private const string NoticeKey = "ManageBooking.AdminNotice";

    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(string? filter, string? tab, string? q, string? page, string? from, string? to, string? after, CancellationToken cancellationToken)
    {
        var (criteria, errors) = BookingListCriteria.Read(filter, q, page, from, to, tab);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        var (rows, next) = await list.RunAsync(criteria, after, cancellationToken);
        var pages = await db.BookingPages.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Slug, p.Title }).ToListAsync(cancellationToken);
        return View("Index", new BookingListViewModel
        {
            Criteria = criteria,
            FromText = from,
            ToText = to,
            Pages = [.. pages.Select(p => (p.Slug, p.Title))],
            Rows = rows,
            Next = next,
        });
    }

    /// <summary>The list's tab, search, page and dates as CSV, streamed row by row (see <see cref="BookingExport"/>).</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> ExportAsync(string? filter, string? q, string? page, string? from, string? to, [FromServices] BookingExport export, CancellationToken cancellationToken)
    {
        var (criteria, errors) = BookingListCriteria.Read(filter, q, page, from, to);
        if (errors.Count > 0)
        {
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => new[] { e.Value })));
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"bookings-{criteria.Filter.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await export.WriteAsync(Response.Body, criteria, cancellationToken);
        return new EmptyResult();
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var managed = await manage.GetAsync(id, Actor.Staff, cancellationToken);
        if (managed is null)
        {
            return NotFound();
        }

        var pageZone = Zones.Of(managed.Page);
        var customerZone = Zones.OfCustomer(managed.Booking);
        var canManage = (await authorization.AuthorizeAsync(User, nameof(Permissions.ManageBookings))).Succeeded;
        ViewData["Notice"] = TempData[NoticeKey];
        IReadOnlyList<(string, string)> moves = [];
        if (canManage && managed.Rights.CanReschedule)
        {
            var today = clock.GetCurrentInstant().InZone(pageZone).Date;
            var free = await manage.FreeSlotsForMoveAsync(managed, null, Scheduling.ViewerRange.Of(today, today.PlusDays(13), pageZone), cancellationToken);
            moves = [.. free.Select(s => (Scheduling.IsoText.Format(s.Start, pageZone), BookingPages.ViewModels.TimeDisplay.Range(s.Start, s.End, pageZone)))];
        }

        return View("Details", new BookingDetailsViewModel(managed, pageZone, customerZone, canManage)
        {
            MoveOptions = moves,
            Notes = await notes.ListAsync(id, cancellationToken),
        });
    }

    [HttpPost("{id:guid}/cancel")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> CancelAsync(Guid id, string? reason, bool notifyCustomer, List<Guid>? sessionIds, Guid? version, CancellationToken cancellationToken)
        => Done(id, await manage.CancelForCustomerAsync(id, sessionIds is { Count: > 0 } ? sessionIds : null, reason, notifyCustomer, Staff(), version, cancellationToken), "Cancelled.");

    [HttpPost("{id:guid}/reschedule")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> RescheduleAsync(Guid id, Guid? sessionId, string? start, string? reason, Guid? version, CancellationToken cancellationToken)
        => Done(id, await manage.RescheduleAsync(id, sessionId, start, reason, Staff(), version, cancellationToken), "Rescheduled; everyone has been emailed.");

    [HttpPost("{id:guid}/approve")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> ApproveAsync(Guid id, CancellationToken cancellationToken)
        => Done(id, await manage.ApproveAsync(id, Staff(), cancellationToken), "Approved; the customer has been emailed.");

    [HttpPost("{id:guid}/decline")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> DeclineAsync(Guid id, string? reason, CancellationToken cancellationToken)
        => Done(id, await manage.DeclineAsync(id, reason, Staff(), cancellationToken), "Declined; the times are free again.");

    [HttpPost("{id:guid}/regenerate-link")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> RegenerateLinkAsync(Guid id, CancellationToken cancellationToken)
        => Done(id, await manage.RegenerateLinkAsync(id, Staff(), cancellationToken), "A new link was made; the old one no longer works, and every email from now on carries the new one.");

    [HttpPost("{id:guid}/resend")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> ResendAsync(Guid id, CancellationToken cancellationToken)
        => Done(id, await manage.ResendConfirmationAsync(id, Staff(), cancellationToken), "The confirmation was sent again with the customer's current link.");

    /// <summary>Staff correct (or fill in) an answer; the history records old and new, nobody is emailed.</summary>
    [HttpPost("{id:guid}/answers")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> CorrectAnswerAsync(Guid id, string? key, List<string>? values, Guid? version, CancellationToken cancellationToken)
        => Done(id, await manage.CorrectAnswerAsync(id, key, values, Staff(), version, cancellationToken), "Answer corrected; the history records it.");

    /// <summary>Staff give this booking its own location (or none: the page's again); the history records it.</summary>
    [HttpPost("{id:guid}/location")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> SetLocationAsync(Guid id, LocationKind? kind, string? value, PhoneCaller caller, Guid? version, CancellationToken cancellationToken)
    {
        var location = Locations.LocationRules.Check(kind, value, caller);
        return Done(id, location.Succeeded
            ? await manage.SetLocationAsync(id, location.Value, Staff(), version, cancellationToken)
            : Outcome<BookingPages.Services.ManagedBooking>.Fail(location.Failure), "Location saved; the history records it.");
    }

    /// <summary>Asks the customer to pick a new time through their link; the booking stands until they do.</summary>
    [HttpPost("{id:guid}/request-reschedule")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> RequestRescheduleAsync(Guid id, string? message, CancellationToken cancellationToken)
        => Done(id, await manage.RequestRescheduleAsync(id, message, Staff(), cancellationToken), "Reschedule requested: the customer is emailed their link to pick a new time, if a rule for it is on.");

    /// <summary>An internal note: staff only, never shown to the customer nor in their emails.</summary>
    [HttpPost("{id:guid}/notes")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> AddNoteAsync(Guid id, string? note, CancellationToken cancellationToken)
    {
        var added = await notes.AddAsync(id, note, Staff(), cancellationToken);
        if (!added.Succeeded && added.Failure.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        return Done(id, added, "Note added. Only staff see it.");
    }

    /// <summary>The actor is the signed-in user, never anything the form says.</summary>
    private ActorInfo Staff() => new(Actor.Staff, User.Identity?.Name);

    private RedirectToActionResult Done<T>(Guid id, Outcome<T> outcome, string success)
    {
        TempData[NoticeKey] = outcome.Succeeded ? success
            : outcome.Failure.Errors is { Count: > 0 } errors ? string.Join(" ", errors.Values.Select(v => v[0]))
            : $"{outcome.Failure.Title} {outcome.Failure.Detail}";
        return RedirectToAction("Details", new { id });
    }
}

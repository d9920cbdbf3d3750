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
    BookingListQuery list, ManageService manage, BookingNotes notes, NotifiedText notified, ManageBookingDbContext db, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    /// <summary>The notice the booking's page shows once after an action (this controller's or another's).</summary>
    public const string NoticeKey = "ManageBooking.AdminNotice";

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
        return View("Details", new BookingDetailsViewModel(managed, pageZone, customerZone, canManage)
        {
            Sessions = StaffSessionLine.For(managed, pageZone, customerZone, clock.GetCurrentInstant()),
            Notes = await notes.ListAsync(id, cancellationToken),
        });
    }

    [HttpPost("{id:guid}/approve")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> ApproveAsync(Guid id, CancellationToken cancellationToken)
        => Done(id, await manage.ApproveAsync(id, Staff(), cancellationToken), "Approved.");

    [HttpPost("{id:guid}/decline")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> DeclineAsync(Guid id, string? reason, CancellationToken cancellationToken)
        => Done(id, await manage.DeclineAsync(id, reason, Staff(), cancellationToken), "Declined; the times are free again.");

    [HttpPost("{id:guid}/regenerate-link")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> RegenerateLinkAsync(Guid id, CancellationToken cancellationToken)
        => Done(id, await manage.RegenerateLinkAsync(id, Staff(), cancellationToken), "A new link was made; the old one no longer works, and every email from now on carries the new one.", tellsNoOne: true);

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
        => Done(id, await manage.RequestRescheduleAsync(id, message, Staff(), cancellationToken), "Reschedule requested: the booking stays as it is until the customer picks a new time through their link.");

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

    /// <summary>Marks whether the customer came to a session that has started, or takes the mark back; nobody is emailed.</summary>
    [HttpPost("{id:guid}/attendance")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> MarkAttendanceAsync(Guid id, Guid? sessionId, string? attendance, Guid? version, CancellationToken cancellationToken)
    {
        // "" takes the mark back; anything but a mark's name is refused, never read as "no mark".
        Attendance? mark = null;
        if (!string.IsNullOrEmpty(attendance))
        {
            if (!Enum.TryParse<Attendance>(attendance, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(attendance, out _))
            {
                return Done(id, Outcome<ManagedBooking>.Fail(BookingFailure.Invalid(FieldKey.Attendance, "Choose attended or no-show.")), "");
            }

            mark = parsed;
        }

        var outcome = await manage.MarkAttendanceAsync(id, sessionId, mark, Staff(), version, cancellationToken);
        var done = mark switch
        {
            Attendance.Attended => "Marked as attended.",
            Attendance.NoShow => "Marked as a no-show.",
            _ => "Attendance mark taken back.",
        };
        return Done(id, outcome, done + " The history records it.");
    }

    /// <summary>The actor is the signed-in user, never anything the form says.</summary>
    private ActorInfo Staff() => new(Actor.Staff, User.Identity?.Name);

    /// <param name="tellsNoOne">The action never emails anyone by design, whatever the rules.</param>
    private RedirectToActionResult Done<T>(Guid id, Outcome<T> outcome, string success, bool tellsNoOne = false)
    {
        TempData[NoticeKey] = !outcome.Succeeded ? AdminFailures.Top(outcome.Failure)
            : outcome.Value is ManagedBooking { Notified: { } plan } && !tellsNoOne ? success + " " + notified.After(plan)
            : success + " " + notified.After(null);
        return RedirectToAction("Details", new { id });
    }
}

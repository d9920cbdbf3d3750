using System.Text.Json;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.BookingPages.Controllers;

/// <summary>The public booking page: a week of free times in the visitor's zone, and the form that books one.</summary>
[Route("book/{slug}")]
public sealed class BookController(
    BookingPageQueries pages,
    SlotQueryService slots,
    BookingService bookings,
    ManageLinks links,
    ManageBookingDbContext db,
    TimeProvider clock,
    IStringLocalizer<Localization.SharedText> localizer) : Controller
{
    private const string ConfirmationKey = "ManageBooking.Confirmation";
    private const int DaysShown = 7;

    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(string slug, string? date, string? tz, CancellationToken cancellationToken)
    {
        var page = await pages.FindPublishedAsync(slug, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        return View(Theming.ViewAlternates.Pick(ControllerContext, "Index", page.Slug), await BuildAsync(page, date, tz, new BookingFormModel(), null, cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> IndexAsync(string slug, BookingFormModel form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var page = await pages.FindPublishedAsync(slug, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var outcome = await bookings.CreateAsync(slug, new NewBookingInput(form.Name, form.Email, form.TimeZone, form.Starts), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[ConfirmationKey] = JsonSerializer.Serialize(new ConfirmationTicket(outcome.Value.Booking.Id));
            return RedirectToAction("Confirmed", new { slug });
        }

        string? slotMessage = null;
        if (outcome.Failure.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(ToFormField(field), localizer[message]);
                }
            }
        }
        else
        {
            slotMessage = localizer[outcome.Failure.Detail];
        }

        Response.StatusCode = outcome.Failure.Kind == FailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View(Theming.ViewAlternates.Pick(ControllerContext, "Index", page.Slug), await BuildAsync(page, form.Date, form.TimeZone, form, slotMessage, cancellationToken));
    }

    [HttpGet("confirmed")]
    [Security.PrivateLink]
    public async Task<IActionResult> ConfirmedAsync(string slug, CancellationToken cancellationToken)
    {
        // The booking's id in a short-lived, encrypted TempData cookie; a reload keeps it. The link is derived from the booking.
        if (TempData.Peek(ConfirmationKey) is not string json
            || JsonSerializer.Deserialize<ConfirmationTicket>(json) is not { } ticket)
        {
            return RedirectToAction("Index", new { slug });
        }

        var booking = await db.Bookings.AsNoTracking()
            .Include(b => b.Page)
            .Include(b => b.Sessions)
            .FirstOrDefaultAsync(b => b.Id == ticket.BookingId, cancellationToken);
        if (booking?.Page is null || booking.Page.Slug != slug)
        {
            return RedirectToAction("Index", new { slug });
        }

        var zone = InputRules.ParseZone(booking.CustomerTimeZoneId) ?? DateTimeZone.Utc;
        var first = Instant.FromDateTimeUtc(booking.FirstStartUtc);
        return View(Theming.ViewAlternates.Pick(ControllerContext, "Confirmed", slug), new ConfirmationViewModel
        {
            PageTitle = booking.Page.Title,
            Reference = booking.Reference,
            IsRequest = booking.Status == BookingStatus.Pending,
            CustomerEmail = booking.CustomerEmail,
            Sessions = [.. booking.Sessions.OrderBy(s => s.StartUtc).Select(s => TimeDisplay.Range(s.StartUtc, s.EndUtc, zone))],
            ZoneLabel = localizer.ZoneLabel(zone, first),
            ManageUrl = booking.Page.Manage.Enabled ? Url.Content("~/booking/manage/" + links.TokenFor(booking)) : null,
        });
    }

    private async Task<BookPageViewModel> BuildAsync(
        BookingPage page, string? date, string? tz, BookingFormModel form, string? slotMessage, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var zone = InputRules.ParseZone(tz) ?? InputRules.ParseZone(page.TimeZoneId) ?? DateTimeZone.Utc;
        var today = now.InZone(zone).Date;
        var weekStart = Weeks.Start(InputRules.ParseDate(date), today);
        var weekEnd = weekStart.PlusDays(DaysShown - 1);
        var free = await slots.FindFreeSlotsAsync(page, ViewerRange.Of(weekStart, weekEnd, zone), exceptSessionIds: null, cancellationToken);
        var days = SlotDays.Build(free, zone, form.Starts.ToHashSet(StringComparer.Ordinal));
        form.TimeZone = zone.Id;
        form.Date = LocalDatePattern.Iso.Format(weekStart);
        return new BookPageViewModel
        {
            Page = page,
            ViewerZoneId = zone.Id,
            ZoneLabel = localizer.ZoneLabel(zone, weekStart.AtStartOfDayInZone(zone).ToInstant()),
            WeekStart = LocalDatePattern.Iso.Format(weekStart),
            Week = Weeks.Nav(weekStart, today, DaysShown, date => $"?tz={Uri.EscapeDataString(zone.Id)}&date={date}"),
            Days = days,
            Form = form,
            SlotMessage = slotMessage,
        };
    }

    private static string ToFormField(string field) => field switch
    {
        "name" => nameof(BookingFormModel.Name),
        "email" => nameof(BookingFormModel.Email),
        "timeZone" => nameof(BookingFormModel.TimeZone),
        "starts" => nameof(BookingFormModel.Starts),
        _ => string.Empty,
    };

    private sealed record ConfirmationTicket(Guid BookingId);
}

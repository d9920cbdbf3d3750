using System.Text.Json;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
    ManageService manage,
    CalendarEntries calendarEntries,
    Localization.LocationText locations,
    TimeProvider clock,
    IStringLocalizer<Localization.SharedText> localizer) : Controller
{
    private const string ConfirmationKey = "ManageBooking.Confirmation";
    private const int DaysShown = 7;

    /// <param name="starts">A package's times chosen so far, kept when the zone changes.</param>
    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(string slug, string? date, string? tz, [FromQuery(Name = "Starts")] List<string>? starts, CancellationToken cancellationToken)
    {
        var page = await pages.FindPublishedAsync(slug, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var form = new BookingFormModel { Starts = [.. (starts ?? []).Take(page.SessionsPerBooking)] };
        return View(Theming.ViewAlternates.Pick(ControllerContext, "Index", page.Slug), await BuildAsync(page, date, tz, form, null, cancellationToken));
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

        form.Answers = AnswerFormFields.Read(Request.Form, page.Questions);
        if (form.ShowWeek is not null || form.Remove is not null)
        {
            // A package's week buttons and Remove buttons only change what is shown: the choices so far travel along.
            form.Starts = [.. form.Starts.Where(s => s != form.Remove).Distinct()];
            var week = form.ShowWeek ?? form.Date;
            return View(Theming.ViewAlternates.Pick(ControllerContext, "Index", page.Slug), await BuildAsync(page, week, form.TimeZone, form, null, cancellationToken));
        }

        var input = new NewBookingInput(form.Name, form.Email, form.TimeZone, form.Starts, form.Answers, form.Phone);
        var outcome = await bookings.CreateAsync(slug, input, cancellationToken);
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

        var managed = await manage.GetAsync(ticket.BookingId, Actor.Customer, cancellationToken);
        if (managed is null || managed.Page.Slug != slug)
        {
            return RedirectToAction("Index", new { slug });
        }

        var (booking, page) = (managed.Booking, managed.Page);
        var zone = Zones.OfCustomer(booking);
        var first = Instant.FromDateTimeUtc(booking.FirstStartUtc);
        var manageUrl = Url.Content("~/booking/manage/" + links.TokenFor(booking));
        var entries = calendarEntries.Upcoming(booking, page, Instant.FromDateTimeOffset(clock.GetUtcNow()));
        return View(Theming.ViewAlternates.Pick(ControllerContext, "Confirmed", slug), new ConfirmationViewModel
        {
            PageTitle = page.Title,
            Reference = booking.Reference,
            IsRequest = booking.Status == BookingStatus.Pending,
            CustomerEmail = booking.CustomerEmail,
            Sessions = [.. booking.Sessions.OrderBy(s => s.StartUtc).Select(s => TimeDisplay.Range(s.StartUtc, s.EndUtc, zone))],
            ZoneLabel = localizer.ZoneLabel(zone, first),
            Location = BookingLocation.Of(booking, page) is { } location ? locations.Describe(location, page.OwnerName, booked: true) : null,
            ManageUrl = page.Manage.Enabled ? manageUrl : null,
            CanChangeOnline = managed.Rights.CanCancel || managed.Rights.CanReschedule,
            Contact = new OwnerContact(page.OwnerName, page.OwnerEmail, page.Manage.ContactText),
            CalendarFileUrl = entries.Count > 0 ? manageUrl + "/calendar.ics" : null,
            CalendarLinks = [.. entries.Select(e => new CalendarLinksLine(TimeDisplay.Range(e.Start, e.End, zone), Calendars.CalendarLinks.Google(e), Calendars.CalendarLinks.Outlook(e)))],
        });
    }

    private async Task<BookPageViewModel> BuildAsync(
        BookingPage page, string? date, string? tz, BookingFormModel form, string? slotMessage, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var zone = Zones.FirstOrUtc(tz, page.TimeZoneId);
        var today = now.InZone(zone).Date;
        var weekStart = Weeks.Start(InputRules.ParseDate(date), today);
        var weekEnd = weekStart.PlusDays(DaysShown - 1);
        var free = await slots.FindFreeSlotsAsync(page, ViewerRange.Of(weekStart, weekEnd, zone), exceptSessionIds: null, cancellationToken);
        var days = SlotDays.Build(free, zone, form.Starts.ToHashSet(StringComparer.Ordinal));
        var shown = days.SelectMany(d => d.Slots).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var length = Duration.FromTimeSpan(page.SessionLength);
        var picks = form.Starts
            .Select(value => (Value: value, Start: InputRules.ParseInstant(value)))
            .Where(p => p.Start is not null)
            .OrderBy(p => p.Start)
            .Select(p => new SlotOption(p.Value, TimeDisplay.Range(p.Start!.Value, p.Start.Value + length, zone), Selected: true))
            .ToList();
        form.TimeZone = zone.Id;
        form.Date = LocalDatePattern.Iso.Format(weekStart);
        form.AsksPhone = page.Location is { AsksCustomerPhone: true };
        form.OffersManageLink = page.Manage.Enabled;
        var week = Weeks.Nav(weekStart, today, DaysShown, date => $"?tz={Uri.EscapeDataString(zone.Id)}&date={date}");
        return new BookPageViewModel
        {
            Page = page,
            ViewerZoneId = zone.Id,
            ZoneLabel = localizer.ZoneLabel(zone, weekStart.AtStartOfDayInZone(zone).ToInstant()),
            WeekStart = LocalDatePattern.Iso.Format(weekStart),
            Week = page.SessionsPerBooking > 1 ? week with { AsButtons = true } : week,
            Days = days,
            Form = form,
            SlotMessage = slotMessage,
            Picks = page.SessionsPerBooking > 1 ? picks : [],
            PicksElsewhere = [.. form.Starts.Where(s => !shown.Contains(s))],
        };
    }

    private static string ToFormField(string field) => field switch
    {
        "name" => nameof(BookingFormModel.Name),
        "email" => nameof(BookingFormModel.Email),
        "timeZone" => nameof(BookingFormModel.TimeZone),
        "starts" => nameof(BookingFormModel.Starts),
        "phone" => nameof(BookingFormModel.Phone),
        _ when field.StartsWith(AnswerFormFields.Prefix, StringComparison.Ordinal) => field,
        _ => string.Empty,
    };

    private sealed record ConfirmationTicket(Guid BookingId);
}

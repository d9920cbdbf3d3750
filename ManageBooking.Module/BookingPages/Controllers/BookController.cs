using System.Text.Json;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Rendering;
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
    TimeZones.ZonePicker zones,
    TimeProvider clock,
    SlotWeekBuilder weeks,
    IStringLocalizer<Localization.SharedText> localizer) : Controller
{
    private const string ConfirmationKey = "ManageBooking.Confirmation";

    /// <summary>The zone the picker's script detected in this browser, so later pages open in it at once.</summary>
    private const string TimeZoneCookie = RenderLookup.ZoneCookie;

    /// <param name="starts">A package's times chosen so far, kept when the zone changes.</param>
    [HttpGet("")]
    [KeptRender(KeptRenderKind.Page)] // every visitor sees the same week: kept while the page, its calendar and the theme stay as they were
    public async Task<IActionResult> IndexAsync(string slug, string? date, string? tz, [FromQuery(Name = "Starts")] List<string>? starts, CancellationToken cancellationToken)
    {
        var page = await pages.FindPublishedAsync(slug, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var form = new BookingFormModel { Starts = [.. (starts ?? []).Take(page.SessionsPerBooking)] };
        var model = await BuildAsync(page, date, tz, form, null, cancellationToken);
        RenderLookup.Keep(HttpContext, FirstShownExpires(model, page));
        return View(Theming.ViewAlternates.Pick(ControllerContext, "Index", page.Slug), model);
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

        var placed = FailureResponses.AddTo(ModelState, outcome.Failure, localizer, FormField);
        var slotMessage = placed ? null : localizer[outcome.Failure.Detail].Value;
        Response.StatusCode = FailureResponses.StatusFor(outcome.Failure.Kind);
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
        var manageUrl = Url.Content("~" + ManagePaths.Page(links.TokenFor(booking)));
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
        // The zone asked for, else the one the picker's script found in this browser before (a cookie), else the page's.
        var choice = zones.Resolve(tz);
        var zone = choice.Zone ?? Zones.FirstOrUtc(Request.Cookies[TimeZoneCookie], page.TimeZoneId);
        var week = await weeks.BuildAsync(
            zone,
            date,
            (range, ct) => slots.FindFreeSlotsAsync(page, range, exceptSessionIds: null, ct),
            form.Starts.ToHashSet(StringComparer.Ordinal),
            d => $"?tz={Uri.EscapeDataString(zone.Id)}&date={d}",
            cancellationToken);
        var shown = week.Days.SelectMany(d => d.Slots).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var length = Duration.FromTimeSpan(page.SessionLength);
        var picks = form.Starts
            .Select(value => (Value: value, Start: InputRules.ParseInstant(value)))
            .Where(p => p.Start is not null)
            .OrderBy(p => p.Start)
            .Select(p => new SlotOption(p.Value, TimeDisplay.Range(p.Start!.Value, p.Start.Value + length, zone), Selected: true))
            .ToList();
        var weekStart = LocalDatePattern.Iso.Format(week.Start);
        form.TimeZone = zone.Id;
        form.Date = weekStart;
        form.AsksPhone = page.Location is { AsksCustomerPhone: true };
        form.OffersManageLink = page.Manage.Enabled;
        return new BookPageViewModel
        {
            Page = page,
            ViewerZoneId = zone.Id,
            ZoneLabel = localizer.ZoneLabel(zone, week.Start.AtStartOfDayInZone(zone).ToInstant()),
            Zone = zones.Field(zone.Id, choice, id => $"?tz={Uri.EscapeDataString(id)}&date={weekStart}"),
            WeekStart = weekStart,
            Week = page.SessionsPerBooking > 1 ? week.Nav with { AsButtons = true } : week.Nav,
            Days = week.Days,
            Form = form,
            SlotMessage = slotMessage,
            Picks = page.SessionsPerBooking > 1 ? picks : [],
            PicksElsewhere = [.. form.Starts.Where(s => !shown.Contains(s))],
        };
    }

    /// <summary>When the earliest time the page shows falls inside the page's notice and must disappear from it.</summary>
    private static Instant FirstShownExpires(BookPageViewModel model, BookingPage page)
    {
        var first = model.Days.SelectMany(d => d.Slots).Select(s => InputRules.ParseInstant(s.Value)).Min();
        return first is { } start ? start - Duration.FromTimeSpan(page.MinimumNotice) : Instant.MaxValue;
    }

    /// <summary>The booking form's field for each key of a failure.</summary>
    private static string? FormField(FieldKey key)
        => key == FieldKey.CustomerName ? nameof(BookingFormModel.Name)
            : key == FieldKey.Email ? nameof(BookingFormModel.Email)
            : key == FieldKey.TimeZone ? nameof(BookingFormModel.TimeZone)
            : key == FieldKey.Starts ? nameof(BookingFormModel.Starts)
            : key == FieldKey.Phone ? nameof(BookingFormModel.Phone)
            : key.Name.StartsWith(AnswerFormFields.Prefix, StringComparison.Ordinal) ? key.Name
            : null;

    private sealed record ConfirmationTicket(Guid BookingId);
}

using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.TimeZones;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace ManageBooking.Admin.Controllers;

/// <summary>
/// Staff book for a customer (on the phone, say): any page, published or not; a time through the customers' picker,
/// including times inside the page's notice; the customer's details and the page's questions; with or without emailing
/// the customer. Through the same booking service as the booking page and the API, so nothing is ever double-booked.
/// </summary>
[Route("admin/bookings/new")]
[Authorize(Policy = nameof(Permissions.ViewBookings))]
public sealed class StaffBookingController(
    BookingService bookings, SlotQueryService slots, SlotWeekBuilder weeks, ZonePicker zones, SiteCultures cultures, NotifiedText notified,
    ManageBookingDbContext db) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> PagesAsync(CancellationToken cancellationToken)
    {
        var pages = await db.BookingPages.AsNoTracking().OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.Slug, p.SessionsPerBooking, p.SessionLength, p.IsPublished })
            .ToListAsync(cancellationToken);
        return View("Pages", new StaffBookingPagesViewModel([.. pages.Select(p =>
            new StaffBookingPageLine(p.Id, p.Title, p.Slug, p.SessionsPerBooking, (int)p.SessionLength.TotalMinutes, p.IsPublished))]));
    }

    [HttpGet("{pageId:guid}")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> BookAsync(Guid pageId, string? date, CancellationToken cancellationToken)
    {
        var page = await FindPageAsync(pageId, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var form = new StaffBookingForm { TimeZone = page.TimeZoneId, NotifyCustomer = true, Culture = cultures.Default.Name };
        return View("Book", await BuildAsync(page, date, form, null, [], cancellationToken));
    }

    [HttpPost("{pageId:guid}")]
    [Authorize(Policy = nameof(Permissions.ManageBookings))]
    public async Task<IActionResult> BookAsync(Guid pageId, StaffBookingForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var page = await FindPageAsync(pageId, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        form.Answers = AnswerFormFields.Read(Request.Form, page.Questions);
        form.Starts = [.. form.Starts.Where(s => !string.IsNullOrWhiteSpace(s) && s != form.Remove).Distinct()];
        if (form.ShowWeek is not null || form.Remove is not null)
        {
            // A week button or a Remove button only changes what is shown: everything typed and chosen travels along.
            return View("Book", await BuildAsync(page, form.ShowWeek ?? form.Date, form, null, [], cancellationToken));
        }

        // The customer's zone as typed (an id, or a city or country); one clear match is taken, several are offered.
        var zone = zones.Resolve(form.TimeZone);
        var input = new NewBookingInput(form.Name, form.Email, zone.Zone?.Id ?? form.TimeZone, form.Starts, form.Answers, form.Phone);
        var outcome = await bookings.CreateForCustomerAsync(page.Id, input, form.NotifyCustomer, form.Culture, new ActorInfo(Actor.Staff, User.Identity?.Name), cancellationToken);
        if (outcome.Succeeded)
        {
            var booking = outcome.Value.Booking;
            TempData[BookingsAdminController.NoticeKey] = $"Booked {booking.Reference} for {booking.CustomerName}. " + notified.After(outcome.Value.Notified);
            return RedirectToAction("Details", "BookingsAdmin", new { id = booking.Id });
        }

        var top = AdminFailures.Show(this, outcome.Failure, FormField);
        IReadOnlyList<(string, string)> matches = zone.Zone is null && ModelState.ContainsKey(nameof(form.TimeZone))
            ? [.. zone.Matches.Take(8).Select(m => (m.Id, m.Label))]
            : [];
        return View("Book", await BuildAsync(page, form.Date, form, top, matches, cancellationToken));
    }

    private async Task<StaffBookingViewModel> BuildAsync(
        BookingPage page, string? date, StaffBookingForm form, string? slotMessage, IReadOnlyList<(string, string)> zoneMatches, CancellationToken cancellationToken)
    {
        var zone = Zones.Of(page);
        var week = await weeks.BuildAsync(
            zone,
            date,
            (range, ct) => slots.FindFreeSlotsAsync(page, Actor.Staff, range, exceptSessionIds: null, held: null, ct),
            form.Starts.ToHashSet(StringComparer.Ordinal),
            d => $"/admin/bookings/new/{page.Id}?date={d}",
            cancellationToken);
        var shown = week.Days.SelectMany(d => d.Slots).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        var length = Duration.FromTimeSpan(page.SessionLength);
        var weekStart = LocalDatePattern.Iso.Format(week.Start);
        form.Date = weekStart;
        return new StaffBookingViewModel
        {
            Page = page,
            Form = form,
            // Buttons, not links: they post the form, so nothing typed or chosen is lost between weeks.
            Week = week.Nav with { AsButtons = true },
            WeekStart = weekStart,
            Days = week.Days,
            ZoneLabel = ZoneLabel.Describe(zone, week.Start.AtStartOfDayInZone(zone).ToInstant()),
            Picks = page.SessionsPerBooking > 1
                ? [.. form.Starts
                    .Select(value => (Value: value, Start: InputRules.ParseInstant(value)))
                    .Where(p => p.Start is not null)
                    .OrderBy(p => p.Start)
                    .Select(p => new SlotOption(p.Value, TimeDisplay.Range(p.Start!.Value, p.Start.Value + length, zone), Selected: true))]
                : [],
            PicksElsewhere = [.. form.Starts.Where(s => !shown.Contains(s))],
            Cultures = [.. cultures.Supported.Select(c => (c.Name, SharedTextExtensions.NativeName(c)))],
            ZoneMatches = zoneMatches,
            SlotMessage = slotMessage,
        };
    }

    private Task<BookingPage?> FindPageAsync(Guid pageId, CancellationToken cancellationToken)
        => db.BookingPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pageId, cancellationToken);

    /// <summary>The form's field for each key of a failure.</summary>
    private static string? FormField(FieldKey key)
        => key == FieldKey.CustomerName ? nameof(StaffBookingForm.Name)
            : key == FieldKey.Email ? nameof(StaffBookingForm.Email)
            : key == FieldKey.TimeZone ? nameof(StaffBookingForm.TimeZone)
            : key == FieldKey.Starts ? nameof(StaffBookingForm.Starts)
            : key == FieldKey.Phone ? nameof(StaffBookingForm.Phone)
            : key == FieldKey.Culture ? nameof(StaffBookingForm.Culture)
            : key.Name.StartsWith(AnswerFormFields.Prefix, StringComparison.Ordinal) ? key.Name
            : null;
}

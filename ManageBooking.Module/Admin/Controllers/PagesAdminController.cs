using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Controllers;

/// <summary>Booking pages in the admin: the list and the editor, with the Reschedule &amp; Cancel settings.</summary>
[Route("admin/pages")]
[Authorize(Policy = nameof(Permissions.ManageBookingPages))]
public sealed class PagesAdminController(ManageBookingDbContext db, BookingPageEditor editor, Localization.PolicyText policy, Localization.SiteCultures cultures) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(CancellationToken cancellationToken)
        => View("Index", await db.BookingPages.AsNoTracking().OrderBy(p => p.Title).ToListAsync(cancellationToken));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> EditAsync(Guid id, CancellationToken cancellationToken)
    {
        var page = await db.BookingPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        ViewData["Saved"] = TempData["ManageBooking.PageSaved"];
        return View("Edit", Edit(page, ToForm(page)));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> EditAsync(Guid id, BookingPageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await editor.UpdateAsync(id, form, ModelState.IsValid, cancellationToken);
        switch (outcome.Result)
        {
            case PageEditResult.NotFound:
                return NotFound();
            case PageEditResult.Saved:
                TempData["ManageBooking.PageSaved"] = "Saved. Changes apply to the booking page, new emails and manage links at once.";
                return RedirectToAction("Edit", new { id });
            default:
                Refused(outcome);
                return View("Edit", Edit(outcome.Page!, form));
        }
    }

    /// <summary>
    /// The policy preview for the editor's current values, as the editor's script asks for it while the owner types: the
    /// sentences come from the same place as the customers' (PolicyText), never from a copy of the rules in script.
    /// Read-only, so a GET; the owner's extra policy text stays in the page (the script adds it).
    /// </summary>
    [HttpGet("policy-preview")]
    public IActionResult PolicyPreview(BookingPageForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return PartialView("_PolicyPreview", Preview(form));
    }

    [HttpGet("new")]
    public async Task<IActionResult> CreateAsync(CancellationToken cancellationToken)
    {
        var form = ToForm(editor.Blank());
        form.Title = null;
        return View("Edit", await CreateModelAsync(form, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> CreateAsync(BookingPageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await editor.CreateAsync(form, ModelState.IsValid, cancellationToken);
        if (outcome.Result != PageEditResult.Saved)
        {
            Refused(outcome);
            return View("Edit", await CreateModelAsync(form, cancellationToken));
        }

        TempData["ManageBooking.PageSaved"] = "Created. The page takes bookings at /book/" + outcome.Page!.Slug + ".";
        return RedirectToAction("Edit", new { id = outcome.Page.Id });
    }

    /// <summary>The editor's problems beside their fields (a field the form's own checks already marked keeps theirs), and the status.</summary>
    private void Refused(PageEditOutcome outcome)
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            if (ModelState.GetFieldValidationState(field) != ModelValidationState.Invalid)
            {
                ModelState.AddModelError(field, messages[0]);
            }
        }

        Response.StatusCode = outcome.Result == PageEditResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
    }

    private async Task<BookingPageEditViewModel> CreateModelAsync(BookingPageForm form, CancellationToken cancellationToken)
    {
        var preview = Edit(new BookingPage { Slug = form.Slug ?? "" }, form);
        return preview with { Id = null, Calendars = await editor.CalendarsAsync(cancellationToken) };
    }

    /// <summary>The site's languages other than its own: each question gets its words in them.</summary>
    private IReadOnlyList<string> OtherCultures() => [.. cultures.Supported.Skip(1).Select(c => c.Name)];

    private QuestionForm BlankQuestion() => new() { Translations = [.. OtherCultures().Select(c => new QuestionTranslationForm { Culture = c })] };

    private BookingPageEditViewModel Edit(BookingPage page, BookingPageForm form) => new(page.Id, page.Slug, form, Preview(form));

    /// <summary>What customers would read with these settings; nothing while a cutoff or limit the form refuses is in it.</summary>
    private PolicyPreview Preview(BookingPageForm form)
    {
        if (!form.ManageEnabled)
        {
            return new PolicyPreview(SelfService: false, [], Incomplete: false, null);
        }

        string[] numbers = [nameof(form.CancelCutoffHours), nameof(form.RescheduleCutoffHours), nameof(form.MaxReschedules)];
        if (numbers.Any(n => ModelState.GetFieldValidationState(n) == ModelValidationState.Invalid))
        {
            return new PolicyPreview(SelfService: true, [], Incomplete: true, null);
        }

        var settings = new ManageSettings
        {
            Enabled = true,
            CancelCutoff = TimeSpan.FromHours(form.CancelCutoffHours),
            RescheduleCutoff = TimeSpan.FromHours(form.RescheduleCutoffHours),
            MaxReschedules = form.MaxReschedules,
        };
        return new PolicyPreview(SelfService: true, [policy.Cancel(settings), policy.Reschedule(settings)], Incomplete: false, form.PolicyText?.Trim());
    }

    private BookingPageForm ToForm(BookingPage page) => new()
    {
        LocationKind = page.Location?.Kind,
        LocationValue = page.Location?.Value,
        LocationCaller = page.Location?.Caller ?? PhoneCaller.CustomerCalls,
        ContactText = page.Manage.ContactText,
        Questions = [.. page.Questions.Select((q, i) => QuestionForm.From(q, OtherCultures(), i + 1)), BlankQuestion(), BlankQuestion()],
        Title = page.Title,
        Description = page.Description,
        IsPublished = page.IsPublished,
        OwnerName = page.OwnerName,
        OwnerEmail = page.OwnerEmail,
        Stakeholders = string.Join(", ", page.StakeholderEmails),
        TimeZoneId = page.TimeZoneId,
        SessionMinutes = (int)page.SessionLength.TotalMinutes,
        SlotIntervalMinutes = (int)page.SlotInterval.TotalMinutes,
        BufferBeforeMinutes = (int)page.BufferBefore.TotalMinutes,
        BufferAfterMinutes = (int)page.BufferAfter.TotalMinutes,
        MinimumNoticeHours = page.MinimumNotice.TotalHours,
        HorizonDays = (int)page.BookingHorizon.TotalDays,
        SessionsPerBooking = page.SessionsPerBooking,
        ApprovalMode = page.ApprovalMode,
        ManageEnabled = page.Manage.Enabled,
        CancelCutoffHours = page.Manage.CancelCutoff.TotalHours,
        RescheduleCutoffHours = page.Manage.RescheduleCutoff.TotalHours,
        CancelReason = page.Manage.CancelReason,
        RescheduleReason = page.Manage.RescheduleReason,
        MaxReschedules = page.Manage.MaxReschedules,
        PolicyText = page.Manage.PolicyText,
        Version = page.Version,
        Hours = [.. BookingPageForm.Days.Select(d => (string?)AvailabilityText.FormatRanges(page.WeeklyHours.Where(h => h.Day == d).Select(h => new TimeRange(h.Start, h.End)).OrderBy(r => r.Start)))],
        Overrides = AvailabilityText.FormatOverrides(page.DateOverrides),
    };

}

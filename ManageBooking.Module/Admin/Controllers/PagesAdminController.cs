using ManageBooking.Admin.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Controllers;

/// <summary>Booking pages in the admin: the list and the editor, with the Reschedule &amp; Cancel settings.</summary>
[Route("admin/pages")]
[Authorize(Policy = nameof(Permissions.ManageBookingPages))]
public sealed class PagesAdminController(ManageBookingDbContext db, TimeProvider clock, Localization.PolicyText policy, Localization.SiteCultures cultures) : Controller
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
        var page = await db.BookingPages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var (stakeholders, hours, overrides, content) = ValidateShared(form);

        if (form.Version != page.Version)
        {
            ModelState.AddModelError(string.Empty, "Someone else saved this page after you opened it. Reload to see their changes, then make yours again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        if (!ModelState.IsValid)
        {
            if (Response.StatusCode == StatusCodes.Status200OK)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return View("Edit", Edit(page, form));
        }

        Apply(form, stakeholders, hours, overrides, content, page);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "Someone else saved this page at the same moment. Reload to see their changes, then make yours again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", Edit(page, form));
        }

        TempData["ManageBooking.PageSaved"] = "Saved. Changes apply to the booking page, new emails and manage links at once.";
        return RedirectToAction("Edit", new { id });
    }

    [HttpGet("new")]
    public async Task<IActionResult> CreateAsync(CancellationToken cancellationToken)
    {
        var form = ToForm(new BookingPage { TimeZoneId = "UTC", WeeklyHours = [.. BookingPageForm.Days.Take(5).Select(d => new WeeklyHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))] });
        form.Title = null;
        return View("Edit", await CreateModelAsync(form, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> CreateAsync(BookingPageForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (stakeholders, hours, overrides, content) = ValidateShared(form);
        if (string.IsNullOrWhiteSpace(form.Slug))
        {
            ModelState.AddModelError(nameof(form.Slug), "Choose the page's address.");
        }
        else if (await db.BookingPages.AnyAsync(p => p.Slug == form.Slug, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.Slug), "Another page already has this address.");
        }

        if (form.CalendarId is { } chosen && !await db.Calendars.AnyAsync(c => c.Id == chosen, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.CalendarId), "Choose a calendar from the list.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await CreateModelAsync(form, cancellationToken));
        }

        var calendarId = form.CalendarId;
        if (calendarId is null)
        {
            var calendar = new Calendar { Name = Text.PersonName.Clean(form.OwnerName) };
            db.Calendars.Add(calendar);
            calendarId = calendar.Id;
        }

        var page = new BookingPage { Slug = form.Slug!, CalendarId = calendarId.Value, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        Apply(form, stakeholders, hours, overrides, content, page);
        db.BookingPages.Add(page);
        await db.SaveChangesAsync(cancellationToken);
        TempData["ManageBooking.PageSaved"] = "Created. The page takes bookings at /book/" + page.Slug + ".";
        return RedirectToAction("Edit", new { id = page.Id });
    }

    private (List<string> Stakeholders, List<WeeklyHours> Hours, List<DateOverride> Overrides, PageContent Content) ValidateShared(BookingPageForm form)
    {
        var content = ValidateContent(form);
        var stakeholders = (form.Stakeholders ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (stakeholders.FirstOrDefault(s => !InputRules.IsEmail(s)) is { } wrong)
        {
            ModelState.AddModelError(nameof(form.Stakeholders), $"\"{wrong}\" is not one plain email address (no name, spaces or angle brackets).");
        }

        // The framework's [EmailAddress] only asks for an @: "a b@example.com" would send the owner's mail to b@example.com.
        if (ModelState.GetFieldValidationState(nameof(form.OwnerEmail)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && !InputRules.IsEmail(form.OwnerEmail?.Trim()))
        {
            ModelState.AddModelError(nameof(form.OwnerEmail), "Enter one plain email address such as owner@example.com (no name, spaces or angle brackets).");
        }

        if (string.IsNullOrEmpty(Text.PersonName.Clean(form.OwnerName)))
        {
            ModelState.AddModelError(nameof(form.OwnerName), "Enter the owner's name.");
        }

        if (string.IsNullOrEmpty(Text.PersonName.Clean(form.Title)))
        {
            ModelState.AddModelError(nameof(form.Title), "Enter a title.");
        }

        if (Zones.Find(form.TimeZoneId) is null)
        {
            ModelState.AddModelError(nameof(form.TimeZoneId), "Choose a time zone from the list.");
        }

        var hours = new List<WeeklyHours>();
        for (var i = 0; i < BookingPageForm.Days.Count; i++)
        {
            if (!AvailabilityText.TryParseRanges(form.Hours.ElementAtOrDefault(i), out var ranges, out var error))
            {
                ModelState.AddModelError($"Hours[{i}]", error!);
                continue;
            }

            hours.AddRange(ranges.Select(r => new WeeklyHours(BookingPageForm.Days[i], r.Start, r.End)));
        }

        if (!AvailabilityText.TryParseOverrides(form.Overrides, out var overrides, out var overrideError))
        {
            ModelState.AddModelError(nameof(form.Overrides), overrideError!);
        }

        return (stakeholders, hours, overrides, content);
    }

    /// <summary>The page's location and questions (the content type's fields), checked by Core's rules; problems beside their fields.</summary>
    private PageContent ValidateContent(BookingPageForm form)
    {
        var location = Locations.LocationRules.Check(form.LocationKind, form.LocationValue, form.LocationCaller);
        if (!location.Succeeded)
        {
            ModelState.AddModelError(nameof(form.LocationValue), location.Failure.Errors!.Values.First()[0]);
        }

        var kept = form.KeptQuestions();
        var questions = kept.Select(k => k.Field).ToList();
        var errors = new Dictionary<string, string[]>();
        Questions.QuestionFieldRules.Validate(questions, errors);
        foreach (var (key, messages) in errors)
        {
            // Core names the question by its place among those kept; the editor by its row.
            var field = key;
            for (var i = 0; i < kept.Count; i++)
            {
                field = field.StartsWith($"Questions[{i}].", StringComparison.Ordinal) ? $"Questions[{kept[i].Row}]." + field[$"Questions[{i}].".Length..] : field;
            }

            ModelState.AddModelError(field, messages[0]);
        }

        return new PageContent(location.Succeeded ? location.Value : null, questions);
    }

    private async Task<BookingPageEditViewModel> CreateModelAsync(BookingPageForm form, CancellationToken cancellationToken)
    {
        var calendars = await db.Calendars.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var preview = Edit(new BookingPage { Slug = form.Slug ?? "" }, form);
        return preview with { Id = null, Calendars = [.. calendars.Select(c => (c.Id, c.Name))] };
    }

    private void Apply(BookingPageForm form, List<string> stakeholders, List<WeeklyHours> hours, List<DateOverride> overrides, PageContent content, BookingPage page)
    {
        page.Location = content.Location;
        page.Questions = [.. content.Questions];
        page.WeeklyHours = hours;
        page.DateOverrides = overrides;
        page.Title = Text.PersonName.Clean(form.Title);
        page.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        page.IsPublished = form.IsPublished;
        page.OwnerName = Text.PersonName.Clean(form.OwnerName);
        page.OwnerEmail = form.OwnerEmail!.Trim();
        page.StakeholderEmails = stakeholders;
        page.TimeZoneId = form.TimeZoneId!;
        page.SessionLength = TimeSpan.FromMinutes(form.SessionMinutes);
        page.SlotInterval = TimeSpan.FromMinutes(form.SlotIntervalMinutes);
        page.BufferBefore = TimeSpan.FromMinutes(form.BufferBeforeMinutes);
        page.BufferAfter = TimeSpan.FromMinutes(form.BufferAfterMinutes);
        page.MinimumNotice = TimeSpan.FromHours(form.MinimumNoticeHours);
        page.BookingHorizon = TimeSpan.FromDays(form.HorizonDays);
        page.SessionsPerBooking = form.SessionsPerBooking;
        page.ApprovalMode = form.ApprovalMode;
        page.Manage = new ManageSettings
        {
            Enabled = form.ManageEnabled,
            CancelCutoff = TimeSpan.FromHours(form.CancelCutoffHours),
            RescheduleCutoff = TimeSpan.FromHours(form.RescheduleCutoffHours),
            CancelReason = form.CancelReason,
            RescheduleReason = form.RescheduleReason,
            MaxReschedules = form.MaxReschedules,
            PolicyText = string.IsNullOrWhiteSpace(form.PolicyText) ? null : form.PolicyText.Trim(),
            ContactText = string.IsNullOrWhiteSpace(form.ContactText) ? null : form.ContactText.Trim(),
        };
        page.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        page.Version = Guid.NewGuid();
    }

    /// <summary>The site's languages other than its own: each question gets its words in them.</summary>
    private IReadOnlyList<string> OtherCultures() => [.. cultures.Supported.Skip(1).Select(c => c.Name)];

    private QuestionForm BlankQuestion() => new() { Translations = [.. OtherCultures().Select(c => new QuestionTranslationForm { Culture = c })] };

    private BookingPageEditViewModel Edit(BookingPage page, BookingPageForm form)
    {
        var preview = new ManageSettings
        {
            CancelCutoff = TimeSpan.FromHours(Math.Clamp(form.CancelCutoffHours, 0, 720)),
            RescheduleCutoff = TimeSpan.FromHours(Math.Clamp(form.RescheduleCutoffHours, 0, 720)),
            MaxReschedules = form.MaxReschedules,
        };
        return new BookingPageEditViewModel(page.Id, page.Slug, form, policy.Cancel(preview), policy.Reschedule(preview));
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

    private sealed record PageContent(BookingLocation? Location, IReadOnlyList<QuestionField> Questions);
}

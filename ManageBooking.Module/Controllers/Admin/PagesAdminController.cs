using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.ViewModels.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Controllers.Admin;

/// <summary>Booking pages in the admin: the list and the editor, with the Reschedule &amp; Cancel settings.</summary>
[Route("admin/pages")]
[Authorize(Policy = nameof(Permissions.ManageBookingPages))]
public sealed class PagesAdminController(ManageBookingDbContext db, TimeProvider clock) : Controller
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

        var stakeholders = (form.Stakeholders ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (stakeholders.FirstOrDefault(s => !InputRules.IsEmail(s)) is { } wrong)
        {
            ModelState.AddModelError(nameof(form.Stakeholders), $"\"{wrong}\" is not an email address.");
        }

        if (InputRules.ParseZone(form.TimeZoneId) is null)
        {
            ModelState.AddModelError(nameof(form.TimeZoneId), "Choose a time zone from the list.");
        }

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

        Apply(form, stakeholders, page);
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

    private void Apply(BookingPageForm form, List<string> stakeholders, BookingPage page)
    {
        page.Title = form.Title!.Trim();
        page.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        page.IsPublished = form.IsPublished;
        page.OwnerName = form.OwnerName!.Trim();
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
        };
        page.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        page.Version = Guid.NewGuid();
    }

    private static BookingPageEditViewModel Edit(BookingPage page, BookingPageForm form)
    {
        var preview = new ManageSettings
        {
            CancelCutoff = TimeSpan.FromHours(Math.Clamp(form.CancelCutoffHours, 0, 720)),
            RescheduleCutoff = TimeSpan.FromHours(Math.Clamp(form.RescheduleCutoffHours, 0, 720)),
            MaxReschedules = form.MaxReschedules,
        };
        return new BookingPageEditViewModel(page.Id, page.Slug, form, PolicySentences.Cancel(preview), PolicySentences.Reschedule(preview));
    }

    private static BookingPageForm ToForm(BookingPage page) => new()
    {
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
    };
}

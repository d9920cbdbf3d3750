using ManageBooking.Data;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.ViewModels.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Controllers.Admin;

/// <summary>The workflow rules: which event sends what to whom, with a test-send.</summary>
[Route("admin/notifications")]
[Authorize(Policy = nameof(Permissions.ManageNotifications))]
public sealed class NotificationsAdminController(ManageBookingDbContext db, NotificationPlanner planner, RuleTestSender tester) : Controller
{
    private const string NoticeKey = "ManageBooking.RuleNotice";

    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(CancellationToken cancellationToken)
        => View("Index", await db.NotificationRules.AsNoTracking().OrderBy(r => r.Order).ToListAsync(cancellationToken));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> EditAsync(Guid id, CancellationToken cancellationToken)
    {
        var rule = await db.NotificationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return NotFound();
        }

        var form = new RuleForm
        {
            Name = rule.Name,
            Enabled = rule.Enabled,
            BookingPageId = rule.BookingPageId,
            ReminderHours = rule.ReminderHours,
            Tasks = [.. rule.Tasks.Select(t => new TaskForm { Kind = t.Kind, Recipients = t.Recipients, Address = t.Address, Subject = t.Subject, Body = t.Body, WebhookUrl = t.WebhookUrl, WebhookSecret = t.WebhookSecret })],
        };
        return View("Edit", await EditModelAsync(rule, form, TempData[NoticeKey] as string, cancellationToken));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> EditAsync(Guid id, RuleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var rule = await db.NotificationRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return NotFound();
        }

        for (var i = 0; i < form.Tasks.Count; i++)
        {
            var task = form.Tasks[i];
            if (task.Kind == NotificationTaskKind.SendEmail)
            {
                foreach (var (field, template) in new[] { ("Subject", task.Subject), ("Body", task.Body) })
                {
                    if (planner.TemplateError(template) is { } error)
                    {
                        ModelState.AddModelError($"Tasks[{i}].{field}", "The template does not compile: " + error);
                    }
                }

                if (task.Recipients == RecipientKind.Address && !Bookings.InputRules.IsEmail(task.Address))
                {
                    ModelState.AddModelError($"Tasks[{i}].Address", "Enter the address to send to.");
                }
            }
            else if (!Uri.TryCreate(task.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                ModelState.AddModelError($"Tasks[{i}].WebhookUrl", "Enter an http or https address.");
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await EditModelAsync(rule, form, null, cancellationToken));
        }

        rule.Name = form.Name!.Trim();
        rule.Enabled = form.Enabled;
        rule.BookingPageId = form.BookingPageId;
        rule.ReminderHours = form.ReminderHours;
        rule.Tasks = [.. form.Tasks.Select(t => new NotificationTask(t.Kind, t.Recipients, t.Address?.Trim(), t.Subject, t.Body, t.WebhookUrl?.Trim(), t.WebhookSecret))];
        await db.SaveChangesAsync(cancellationToken);
        TempData[NoticeKey] = "Saved.";
        return RedirectToAction("Edit", new { id });
    }

    [HttpPost("{id:guid}/test")]
    public async Task<IActionResult> TestAsync(Guid id, string? address, CancellationToken cancellationToken)
    {
        var outcome = await tester.SendAsync(id, address?.Trim() ?? "", cancellationToken);
        TempData[NoticeKey] = outcome.Succeeded
            ? $"Queued {outcome.Value} test message(s) to {address}; they go out with the next dispatch."
            : $"{outcome.Failure.Title} {outcome.Failure.Detail}";
        return RedirectToAction("Edit", new { id });
    }

    private async Task<RuleEditViewModel> EditModelAsync(NotificationRule rule, RuleForm form, string? notice, CancellationToken cancellationToken)
    {
        var pages = await db.BookingPages.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        return new RuleEditViewModel(rule.Id, rule.Event, form, [.. pages.Select(p => (p.Id, p.Title))], notice);
    }
}

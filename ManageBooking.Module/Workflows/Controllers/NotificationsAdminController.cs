using ManageBooking.Data;
using ManageBooking.Modularity;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Workflows.Notifications;
using ManageBooking.Workflows.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Controllers;

/// <summary>The workflow rules: which event sends what to whom, with a test-send.</summary>
[RequireFeatures(FeatureIds.Admin)]
[Route("admin/notifications")]
[Authorize(Policy = nameof(Permissions.ManageNotifications))]
public sealed class NotificationsAdminController(ManageBookingDbContext db, NotificationPlanner planner, NotificationRenderer renderer, RuleTestSender tester, Localization.SiteCultures cultures, Webhooks.WebhookTargetGuard webhookTargets) : Controller
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
            Tasks = [.. rule.IdentifiedTasks().Select(identified => new TaskForm
            {
                Id = identified.Id,
                Kind = identified.Task.Kind, Recipients = identified.Task.Recipients, Address = identified.Task.Address, Subject = identified.Task.Subject, Body = identified.Task.Body,
                WebhookUrl = identified.Task.WebhookUrl, WebhookSecret = identified.Task.WebhookSecret,
                Translations = [.. OtherCultures().Select(c => new TranslationForm { Culture = c.Name, Subject = identified.Task.TranslationFor(c.Name)?.Subject, Body = identified.Task.TranslationFor(c.Name)?.Body })],
            })],
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
                    if (renderer.TemplateError(template, subject: field == "Subject") is { } error)
                    {
                        ModelState.AddModelError($"Tasks[{i}].{field}", "The template fails on a sample booking: " + error);
                    }
                }

                for (var j = 0; j < task.Translations.Count; j++)
                {
                    var translation = task.Translations[j];
                    var blank = (string.IsNullOrWhiteSpace(translation.Subject), string.IsNullOrWhiteSpace(translation.Body));
                    if (blank is (true, false) or (false, true))
                    {
                        ModelState.AddModelError($"Tasks[{i}].Translations[{j}].{(blank.Item1 ? "Subject" : "Body")}", "Give both the subject and the body, or leave both empty to send the main email.");
                    }

                    foreach (var (field, template) in new[] { ("Subject", translation.Subject), ("Body", translation.Body) })
                    {
                        if (renderer.TemplateError(template, subject: field == "Subject") is { } error)
                        {
                            ModelState.AddModelError($"Tasks[{i}].Translations[{j}].{field}", "The template fails on a sample booking: " + error);
                        }
                    }
                }

                if (task.Recipients == RecipientKind.Address && !Bookings.InputRules.IsEmail(task.Address))
                {
                    ModelState.AddModelError($"Tasks[{i}].Address", "Enter the address to send to.");
                }
            }
            else
            {
                if (webhookTargets.Problem(task.WebhookUrl) is { } problem)
                {
                    ModelState.AddModelError($"Tasks[{i}].WebhookUrl", problem);
                }

                if (Webhooks.WebhookSignature.Problem(task.WebhookSecret?.Trim()) is { } secretProblem)
                {
                    ModelState.AddModelError($"Tasks[{i}].WebhookSecret", secretProblem);
                }

                // Standard Webhooks receivers expect every delivery signed: a webhook saved without a secret gets one.
                task.WebhookSecret = string.IsNullOrWhiteSpace(task.WebhookSecret) ? Webhooks.WebhookSignature.NewSecret() : task.WebhookSecret.Trim();
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
        var hoursChanged = rule.ReminderHours != form.ReminderHours;
        rule.ReminderHours = form.ReminderHours;
        var offered = OtherCultures().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        rule.Tasks = [.. form.Tasks.Select(t => new NotificationTask(t.Kind, t.Recipients, t.Address?.Trim(), t.Subject, t.Body, t.WebhookUrl?.Trim(), t.WebhookSecret,
            [.. t.Translations
                .Where(x => offered.Contains(x.Culture) && !string.IsNullOrWhiteSpace(x.Subject) && !string.IsNullOrWhiteSpace(x.Body))
                .Select(x => new TemplateTranslation(x.Culture, x.Subject!, x.Body!))]) { Id = t.Id == Guid.Empty ? Guid.NewGuid() : t.Id })];

        // Reminders already queued move to the rule's new hours, in the same save as the rule.
        if (hoursChanged && rule.Event == BookingEvent.ReminderDue)
        {
            await planner.ReplanRemindersAsync(rule, cancellationToken);
        }

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

    /// <summary>The site's languages besides its own: each gets its own subject and body in the editor.</summary>
    private IEnumerable<System.Globalization.CultureInfo> OtherCultures() => cultures.Supported.Where(c => c.Name != cultures.Default.Name);

    private async Task<RuleEditViewModel> EditModelAsync(NotificationRule rule, RuleForm form, string? notice, CancellationToken cancellationToken)
    {
        foreach (var translation in form.Tasks.SelectMany(t => t.Translations))
        {
            var culture = cultures.Supported.FirstOrDefault(c => c.Name == translation.Culture);
            translation.Language = culture is null ? translation.Culture : Localization.SharedTextExtensions.NativeName(culture);
        }

        var pages = await db.BookingPages.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        return new RuleEditViewModel(rule.Id, rule.Event, form, [.. pages.Select(p => (p.Id, p.Title))], notice);
    }
}

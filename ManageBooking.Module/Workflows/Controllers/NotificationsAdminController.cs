using ManageBooking.Localization;
using ManageBooking.Modularity;
using ManageBooking.Models.Notifications;
using ManageBooking.Security;
using ManageBooking.Workflows.Notifications;
using ManageBooking.Workflows.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ManageBooking.Workflows.Controllers;

/// <summary>
/// The workflow rules: the list (switch on or off, delete after a confirm step), the editor (create, edit, add, move and
/// remove tasks, preview, test-send). It binds, calls the rule editor and shows the outcome.
/// </summary>
[RequireFeatures(FeatureIds.Admin)]
[Route("admin/notifications")]
[Authorize(Policy = nameof(Permissions.ManageNotifications))]
[FramesOwnDocuments]
public sealed class NotificationsAdminController(RuleEditor editor, RulePreview previews, NotificationRenderer renderer, RuleTestSender tester, SiteCultures cultures) : Controller
{
    private const string NoticeKey = "ManageBooking.RuleNotice";

    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(CancellationToken cancellationToken)
    {
        var pages = (await editor.PagesAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Title);
        var rules = (await editor.ListAsync(cancellationToken)).Select(r => new RuleRow(
            r.Id,
            r.Name,
            r.Event,
            r.ReminderHours,
            r.BookingPageId is { } page ? pages.GetValueOrDefault(page) : null,
            [.. r.Tasks.Select(t => RuleEditor.Describe(t.Kind, t.Recipients, t.Address))],
            r.Enabled));
        return View("Index", new RuleListViewModel([.. rules], TempData[NoticeKey] as string));
    }

    [HttpGet("new")]
    public async Task<IActionResult> CreateAsync(CancellationToken cancellationToken)
        => View("Edit", await EditModelAsync(null, RuleEditor.Blank(), null, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> CreateAsync(RuleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (editor.ApplyDraftChange(form) is { } change)
        {
            return await DraftAsync(null, form, change, cancellationToken);
        }

        var outcome = await editor.CreateAsync(form, ModelState.IsValid, Actor(), cancellationToken);
        if (outcome.Result != RuleEditResult.Saved)
        {
            Refused(outcome);
            editor.Complete(form);
            return View("Edit", await EditModelAsync(null, form, null, cancellationToken));
        }

        TempData[NoticeKey] = outcome.Rule!.Tasks.Count == 0 ? "Created. It does nothing until it has a task: add one below." : "Created.";
        return RedirectToAction("Edit", new { id = outcome.Rule.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> EditAsync(Guid id, CancellationToken cancellationToken)
    {
        var rule = await editor.FindAsync(id, cancellationToken);
        if (rule is null)
        {
            return NotFound();
        }

        return View("Edit", await EditModelAsync(rule.Id, editor.FormOf(rule), TempData[NoticeKey] as string, cancellationToken));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> EditAsync(Guid id, RuleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (editor.ApplyDraftChange(form) is { } change)
        {
            var rule = await editor.FindAsync(id, cancellationToken);
            if (rule is null)
            {
                return NotFound();
            }

            form.Event = rule.Event;
            return await DraftAsync(id, form, change, cancellationToken);
        }

        var outcome = await editor.UpdateAsync(id, form, ModelState.IsValid, Actor(), cancellationToken);
        switch (outcome.Result)
        {
            case RuleEditResult.NotFound:
                return NotFound();
            case RuleEditResult.Saved:
                TempData[NoticeKey] = outcome.Withdrawn > 0 ? $"Saved. {outcome.Withdrawn} message(s) queued for the removed tasks were withdrawn." : "Saved.";
                return RedirectToAction("Edit", new { id });
            default:
                Refused(outcome);
                editor.Complete(form);
                return View("Edit", await EditModelAsync(id, form, null, cancellationToken));
        }
    }

    [HttpPost("{id:guid}/enabled")]
    public async Task<IActionResult> EnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        var outcome = await editor.SetEnabledAsync(id, enabled, Actor(), cancellationToken);
        if (outcome.Result == RuleEditResult.NotFound)
        {
            return NotFound();
        }

        TempData[NoticeKey] = outcome.Result == RuleEditResult.Conflict ? outcome.Errors[""][0] : $"\"{outcome.Rule!.Name}\" is {(enabled ? "on" : "off")}.";
        return RedirectToAction("Index");
    }

    [HttpGet("{id:guid}/delete")]
    public async Task<IActionResult> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var rule = await editor.FindAsync(id, cancellationToken);
        if (rule is null)
        {
            return NotFound();
        }

        return View("Delete", new RuleDeleteViewModel(rule.Id, rule.Name, rule.Event, rule.ReminderHours, rule.Tasks.Count, await editor.QueuedAsync(id, cancellationToken)));
    }

    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> ConfirmDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await editor.DeleteAsync(id, Actor(), cancellationToken);
        if (outcome.Result == RuleEditResult.NotFound)
        {
            return NotFound();
        }

        TempData[NoticeKey] = outcome.Result == RuleEditResult.Conflict ? outcome.Errors[""][0] : $"Deleted \"{outcome.Rule!.Name}\"." + (outcome.Withdrawn > 0 ? $" {outcome.Withdrawn} message(s) waiting to be sent were withdrawn." : "");
        return RedirectToAction("Index");
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

    /// <summary>
    /// The preview of one task of the form as it stands (saved or not), for the sample booking: a document of its own,
    /// sandboxed, that the editor shows in a frame. The Preview button posts here without script; the script posts the
    /// same form here as the owner types.
    /// </summary>
    [HttpPost("preview")]
    [SandboxedDocument]
    public async Task<IActionResult> PreviewAsync(RuleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var site = SharedTextExtensions.NativeName(cultures.Default);
        var task = Enum.IsDefined(form.Event) ? editor.DraftTask(form, form.PreviewTask) : null;
        if (task is null)
        {
            return View("Preview", new RulePreviewViewModel("", false, null, "There is no such task in the form: add one, then preview it.", site));
        }

        var preview = await previews.RenderAsync(form.Event, task, form.BookingPageId, cancellationToken);
        return View("Preview", new RulePreviewViewModel(RuleEditor.Describe(task.Kind, task.Recipients, task.Address), task.IsForCustomer, preview, null, site));
    }

    private string? Actor() => User.Identity?.Name;

    private async Task<IActionResult> DraftAsync(Guid? id, RuleForm form, DraftChange change, CancellationToken cancellationToken)
    {
        // The form is shown as changed, not as posted: messages of fields that moved would sit beside the wrong ones.
        ModelState.Clear();
        editor.Complete(form);
        return View("Edit", await EditModelAsync(id, form, change.Notice, cancellationToken));
    }

    /// <summary>The editor's problems beside their fields (a field the form's own checks already marked keeps theirs), and the status.</summary>
    private void Refused(RuleEditOutcome outcome)
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            if (ModelState.GetFieldValidationState(field) != ModelValidationState.Invalid)
            {
                ModelState.AddModelError(field, messages[0]);
            }
        }

        Response.StatusCode = outcome.Result == RuleEditResult.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
    }

    private async Task<RuleEditViewModel> EditModelAsync(Guid? id, RuleForm form, string? notice, CancellationToken cancellationToken)
        => new(id, form, await editor.PagesAsync(cancellationToken), renderer.Variables(Enum.IsDefined(form.Event) ? form.Event : BookingEvent.Confirmed), notice);
}

using System.Globalization;
using System.Text.Json;
using ManageBooking.Admin.Services;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Text;
using ManageBooking.Workflows.ViewModels;
using ManageBooking.Workflows.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Creating, editing, switching and deleting notification rules: the editor's form checked (templates against the
/// sample booking, translations whole, addresses, webhook targets and secrets), the draft's task list changed
/// (add, move, remove) without saving, and each save recorded in the audit list in the same transaction. Messages
/// already queued for a task or rule that is removed are withdrawn; reminders follow a change of hours. The controller
/// only binds the form, calls this and shows the outcome.
/// </summary>
public sealed class RuleEditor(
    ManageBookingDbContext db,
    NotificationRenderer renderer,
    NotificationPlanner planner,
    WebhookTargetGuard webhookTargets,
    SiteCultures cultures,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>More tasks than any rule needs; a form with more is refused rather than stored.</summary>
    public const int MaxTasks = 20;

    public const int MaxSubjectLength = 500;

    public const int MaxBodyLength = 50_000;

    public const int MaxAddressLength = 2_000;

    private const string WholeForm = "";

    private const string SameMoment = "Someone else saved this rule at the same moment. Reload to see their changes, then make yours again.";

    /// <summary>The site's languages besides its own: each gets its own subject and body in the editor.</summary>
    public IReadOnlyList<CultureInfo> OtherCultures => [.. cultures.Supported.Where(c => c.Name != cultures.Default.Name)];

    /// <summary>The rules staff see, in order.</summary>
    public async Task<IReadOnlyList<NotificationRule>> ListAsync(CancellationToken cancellationToken)
        => await db.NotificationRules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    public Task<NotificationRule?> FindAsync(Guid id, CancellationToken cancellationToken)
        => db.NotificationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The pages a rule may be limited to, by title.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> PagesAsync(CancellationToken cancellationToken)
        => [.. (await db.BookingPages.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken)).Select(p => (p.Id, p.Title))];

    /// <summary>A new rule's form: on, for every page, no tasks yet.</summary>
    public static RuleForm Blank() => new() { Enabled = true, Event = BookingEvent.Confirmed, ReminderHours = 24 };

    /// <summary>A stored rule as the editor shows it, each task with its identity and an entry for each other language.</summary>
    public RuleForm FormOf(NotificationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var form = new RuleForm
        {
            Name = rule.Name,
            Event = rule.Event,
            Enabled = rule.Enabled,
            BookingPageId = rule.BookingPageId,
            ReminderHours = rule.ReminderHours,
            Version = rule.Version,
            Tasks = [.. rule.IdentifiedTasks().Select(identified => new TaskForm
            {
                Id = identified.Id,
                Kind = identified.Task.Kind,
                Recipients = identified.Task.Recipients,
                Address = identified.Task.Address,
                Subject = identified.Task.Subject,
                Body = identified.Task.Body,
                WebhookUrl = identified.Task.WebhookUrl,
                WebhookSecret = identified.Task.WebhookSecret,
                Translations = [.. OtherCultures.Select(c => new TranslationForm { Culture = c.Name, Subject = identified.Task.TranslationFor(c.Name)?.Subject, Body = identified.Task.TranslationFor(c.Name)?.Body })],
            })],
        };
        Complete(form);
        return form;
    }

    /// <summary>
    /// Gives each email task of a posted form one translation entry per other language of the site, in the site's order,
    /// named as its speakers name it, so the editor shows the same fields whatever was posted.
    /// </summary>
    public void Complete(RuleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var task in form.Tasks)
        {
            task.Translations = [.. OtherCultures.Select(c =>
            {
                var posted = task.Translations.FirstOrDefault(t => t.Culture == c.Name);
                return new TranslationForm { Culture = c.Name, Language = SharedTextExtensions.NativeName(c), Subject = posted?.Subject, Body = posted?.Body };
            })];
        }
    }

    /// <summary>
    /// Applies the draft change a button asked for (<see cref="RuleForm.Command"/>) to the form, or returns null when
    /// the form was posted to be saved. Nothing is stored: the owner sees the changed form and saves it.
    /// </summary>
    public DraftChange? ApplyDraftChange(RuleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrEmpty(form.Command))
        {
            return null;
        }

        var (verb, argument) = form.Command.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            ? (form.Command[..colon], form.Command[(colon + 1)..])
            : (form.Command, "");
        form.Command = null;
        if (verb == "add")
        {
            if (form.Tasks.Count >= MaxTasks)
            {
                return new DraftChange($"A rule runs at most {MaxTasks} tasks.", null);
            }

            var task = NewTask(form.NewTask);
            form.Tasks.Add(task);
            Complete(form);
            return new DraftChange($"Added: {Describe(task)}. Nothing is saved until you press Save.", task.Id);
        }

        var index = Guid.TryParse(argument, out var id) ? form.Tasks.FindIndex(t => t.Id == id) : -1;
        if (index < 0)
        {
            return new DraftChange("That task is no longer in the form.", null);
        }

        var moving = form.Tasks[index];
        switch (verb)
        {
            case "up" when index > 0:
                form.Tasks.RemoveAt(index);
                form.Tasks.Insert(index - 1, moving);
                return new DraftChange($"Moved up: {Describe(moving)}, now task {index}. Nothing is saved until you press Save.", id);
            case "down" when index < form.Tasks.Count - 1:
                form.Tasks.RemoveAt(index);
                form.Tasks.Insert(index + 1, moving);
                return new DraftChange($"Moved down: {Describe(moving)}, now task {index + 2}. Nothing is saved until you press Save.", id);
            case "remove":
                form.Tasks.RemoveAt(index);
                return new DraftChange($"Removed: {Describe(moving)}. Nothing is saved until you press Save.", null);
            default:
                return new DraftChange("Nothing to change.", id);
        }
    }

    /// <summary>The task of the form with this id as it would be saved, for the preview; null when the form has none.</summary>
    public NotificationTask? DraftTask(RuleForm form, Guid? taskId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var task = form.Tasks.FirstOrDefault(t => t.Id == taskId) ?? (taskId is null ? form.Tasks.FirstOrDefault() : null);
        return task is null || !Enum.IsDefined(task.Kind) ? null : ToTask(task, task.Id);
    }

    /// <summary>Creates a rule for the chosen event, unless the form breaks a rule.</summary>
    /// <param name="bound">Whether the form bound without errors; a rule is never saved from a form that did not.</param>
    public async Task<RuleEditOutcome> CreateAsync(RuleForm form, bool bound, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Enum.IsDefined(form.Event))
        {
            errors[nameof(form.Event)] = ["Choose an event from the list."];
        }

        var tasks = Read(form, errors);
        await CheckPageAsync(form, errors, cancellationToken);
        if (errors.Count > 0 || !bound)
        {
            return RuleEditOutcome.Invalid(null, errors);
        }

        // After every rule, deleted ones included, so a new rule's place never collides with a seeded one's.
        var last = await db.NotificationRules.IgnoreQueryFilters().MaxAsync(r => (int?)r.Order, cancellationToken) ?? 0;
        var rule = new NotificationRule { Event = form.Event, Order = last + 10 };
        Apply(form, tasks, rule);
        db.NotificationRules.Add(rule);
        if (rule.Event == BookingEvent.ReminderDue)
        {
            // Bookings already made are owed its reminders too, not only those made from now on.
            await planner.SyncRemindersAsync(rule, cancellationToken);
        }

        audit.Add(actor, AuditAction.RuleCreated, rule.Name, $"{rule.Event}; {Count(rule.Tasks.Count)}");
        return await SaveAsync(cancellationToken) is { } problem ? RuleEditOutcome.Conflict(rule, problem) : RuleEditOutcome.Saved(rule);
    }

    /// <summary>
    /// Saves a rule's name, switch, page, hours and tasks (its event stays), unless the form breaks a rule. Queued
    /// messages of a task the form removed are withdrawn; pending reminders move to new hours.
    /// </summary>
    public async Task<RuleEditOutcome> UpdateAsync(Guid id, RuleForm form, bool bound, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var rule = await db.NotificationRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return RuleEditOutcome.NotFound;
        }

        form.Event = rule.Event;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tasks = Read(form, errors);
        await CheckPageAsync(form, errors, cancellationToken);
        if (form.Version != rule.Version)
        {
            return RuleEditOutcome.Conflict(rule, "Someone else changed this rule after you opened it. Reload to see their changes, then make yours again.");
        }

        if (errors.Count > 0 || !bound)
        {
            return RuleEditOutcome.Invalid(rule, errors);
        }

        var before = RuleState.Of(rule);
        Apply(form, tasks, rule);
        var removed = before.Tasks.Select(t => t.Id).Except(rule.Tasks.Select(t => t.Id)).ToList();
        var withdrawn = removed.Count == 0 ? 0 : await WithdrawQueuedAsync(rule.Id, removed, "Withdrawn: its task was removed from the rule before it was sent.", cancellationToken);

        // The reminders queued for bookings already made follow the rule (new hours, page, tasks, switch), in the same save.
        if (rule.Event == BookingEvent.ReminderDue && before.ChangesReminders(rule))
        {
            await planner.SyncRemindersAsync(rule, cancellationToken);
        }

        if (before.Changes(rule, withdrawn) is { } changes)
        {
            audit.Add(actor, AuditAction.RuleChanged, rule.Name, changes);
        }

        return await SaveAsync(cancellationToken) is { } problem ? RuleEditOutcome.Conflict(rule, problem) : RuleEditOutcome.Saved(rule, withdrawn);
    }

    /// <summary>Switches a rule on or off, as the list's buttons do.</summary>
    public async Task<RuleEditOutcome> SetEnabledAsync(Guid id, bool enabled, string? actor, CancellationToken cancellationToken)
    {
        var rule = await db.NotificationRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return RuleEditOutcome.NotFound;
        }

        if (rule.Enabled != enabled)
        {
            rule.Enabled = enabled;
            rule.Version = Guid.NewGuid();
            if (rule.Event == BookingEvent.ReminderDue)
            {
                await planner.SyncRemindersAsync(rule, cancellationToken);
            }

            audit.Add(actor, AuditAction.RuleChanged, rule.Name, enabled ? "switched on" : "switched off");
            if (await SaveAsync(cancellationToken) is { } problem)
            {
                return RuleEditOutcome.Conflict(rule, problem);
            }
        }

        return RuleEditOutcome.Saved(rule);
    }

    /// <summary>
    /// Deletes a rule: it stops firing at once and every message queued for it that no sender holds is withdrawn in the
    /// same transaction (the outbox says why). A message a sender holds at this moment goes out or, when its sender reads
    /// the rule after this, is withdrawn by it. The row stays as a tombstone without its tasks (addresses, secrets), so
    /// seeding never brings a deleted default rule back.
    /// </summary>
    public async Task<RuleEditOutcome> DeleteAsync(Guid id, string? actor, CancellationToken cancellationToken)
    {
        var rule = await db.NotificationRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return RuleEditOutcome.NotFound;
        }

        var withdrawn = await WithdrawQueuedAsync(rule.Id, null, "Withdrawn: its rule was deleted before it was sent.", cancellationToken);
        var tasks = rule.Tasks.Count;
        rule.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        rule.Enabled = false;
        rule.Tasks = [];
        rule.BookingPageId = null;
        rule.Version = Guid.NewGuid();
        audit.Add(actor, AuditAction.RuleDeleted, rule.Name, $"{rule.Event}; {Count(tasks)}; {withdrawn} queued message(s) withdrawn");
        return await SaveAsync(cancellationToken) is { } problem ? RuleEditOutcome.Conflict(rule, problem) : RuleEditOutcome.Saved(rule, withdrawn);
    }

    /// <summary>How many messages are waiting to be sent for a rule (shown before it is deleted).</summary>
    public Task<int> QueuedAsync(Guid ruleId, CancellationToken cancellationToken)
        => db.OutboxMessages.CountAsync(m => m.RuleId == ruleId && m.Status == OutboxStatus.Pending, cancellationToken);

    /// <summary>A task in the admin's words: "email to the owner", "webhook".</summary>
    public static string Describe(TaskForm task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Describe(task.Kind, task.Recipients, task.Address);
    }

    public static string Describe(NotificationTaskKind kind, RecipientKind recipients, string? address) => kind switch
    {
        NotificationTaskKind.CallWebhook => "webhook",
        _ => recipients switch
        {
            RecipientKind.Customer => "email to the customer",
            RecipientKind.Owner => "email to the owner",
            RecipientKind.Stakeholders => "email to the stakeholders",
            _ => string.IsNullOrWhiteSpace(address) ? "email to an address" : "email to " + address.Trim(),
        },
    };

    private static TaskForm NewTask(NewTaskKind kind)
    {
        var task = new TaskForm { Id = Guid.NewGuid() };
        if (kind == NewTaskKind.Webhook)
        {
            task.Kind = NotificationTaskKind.CallWebhook;
            return task;
        }

        task.Kind = NotificationTaskKind.SendEmail;
        task.Recipients = kind switch
        {
            NewTaskKind.OwnerEmail => RecipientKind.Owner,
            NewTaskKind.StakeholdersEmail => RecipientKind.Stakeholders,
            NewTaskKind.AddressEmail => RecipientKind.Address,
            _ => RecipientKind.Customer,
        };

        // A start the owner rewrites: it renders for every event, so the preview shows something at once.
        task.Subject = "{{page.title}}: {{booking.reference}}";
        task.Body = task.Recipients == RecipientKind.Customer
            ? "<p>Hi {{customer.name}},</p>\n<p><strong>{{page.title}}</strong> with {{page.ownerName}}:</p>\n<ul>{{#each sessions}}<li>{{when}}</li>{{/each}}</ul>\n<p>{{zoneLabel}}</p>"
            : "<p>{{customer.name}} ({{customer.email}}), <strong>{{page.title}}</strong>:</p>\n<ul>{{#each sessions}}<li>{{when}}</li>{{/each}}</ul>\n<p>Reference: {{booking.reference}}</p>";
        return task;
    }

    /// <summary>Everything the form says, checked; each problem under the form field it belongs to. The tasks as they would be saved.</summary>
    private List<NotificationTask> Read(RuleForm form, Dictionary<string, string[]> errors)
    {
        var name = PersonName.Clean(form.Name).Trim();
        if (name.Length == 0)
        {
            errors[nameof(form.Name)] = ["Name the rule."];
        }
        else if (name.Length > 200)
        {
            errors[nameof(form.Name)] = ["At most 200 characters."];
        }

        form.Name = name;
        if (form.ReminderHours is < 1 or > 720)
        {
            errors[nameof(form.ReminderHours)] = ["Between 1 and 720 hours."];
        }

        if (form.Tasks.Count > MaxTasks)
        {
            errors[WholeForm] = [$"A rule runs at most {MaxTasks} tasks."];
            return [];
        }

        var tasks = new List<NotificationTask>();
        var ids = new HashSet<Guid>();
        for (var i = 0; i < form.Tasks.Count; i++)
        {
            var task = form.Tasks[i];
            var prefix = $"Tasks[{i}]";
            if (task.Kind == NotificationTaskKind.SendEmail)
            {
                CheckEmail(task, prefix, errors);
            }
            else if (task.Kind == NotificationTaskKind.CallWebhook)
            {
                CheckWebhook(task, prefix, errors);
            }
            else
            {
                errors[WholeForm] = ["A task of an unknown kind was posted: reload the editor."];
                continue;
            }

            // A task keeps its identity (queued messages render with its template); a new one, or a copy, gets its own.
            var id = task.Id != Guid.Empty && ids.Add(task.Id) ? task.Id : Guid.NewGuid();
            ids.Add(id);
            tasks.Add(ToTask(task, id));
        }

        return tasks;
    }

    private void CheckEmail(TaskForm task, string prefix, Dictionary<string, string[]> errors)
    {
        if (!Enum.IsDefined(task.Recipients))
        {
            errors[$"{prefix}.Recipients"] = ["Choose who the email goes to."];
        }

        if (string.IsNullOrWhiteSpace(task.Subject))
        {
            errors[$"{prefix}.Subject"] = ["Give the email a subject."];
        }

        if (string.IsNullOrWhiteSpace(task.Body))
        {
            errors[$"{prefix}.Body"] = ["Write the email's body."];
        }

        CheckTemplates(task.Subject, task.Body, prefix, errors);
        var offered = OtherCultures.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        for (var j = 0; j < task.Translations.Count; j++)
        {
            var translation = task.Translations[j];
            var at = $"{prefix}.Translations[{j}]";
            if (!offered.Contains(translation.Culture))
            {
                continue;
            }

            var blank = (string.IsNullOrWhiteSpace(translation.Subject), string.IsNullOrWhiteSpace(translation.Body));
            if (blank is (true, false) or (false, true))
            {
                errors[$"{at}.{(blank.Item1 ? "Subject" : "Body")}"] = ["Give both the subject and the body, or leave both empty to send the main email."];
            }

            CheckTemplates(translation.Subject, translation.Body, at, errors);
        }

        if (task.Recipients == RecipientKind.Address && (!InputRules.IsEmail(task.Address?.Trim()) || task.Address!.Length > MaxAddressLength))
        {
            errors[$"{prefix}.Address"] = ["Enter the address to send to."];
        }
    }

    private void CheckTemplates(string? subject, string? body, string prefix, Dictionary<string, string[]> errors)
    {
        if (subject?.Length > MaxSubjectLength)
        {
            errors.TryAdd($"{prefix}.Subject", [$"At most {MaxSubjectLength} characters."]);
        }
        else if (renderer.TemplateError(subject, subject: true) is { } subjectError)
        {
            errors.TryAdd($"{prefix}.Subject", ["The template fails on a sample booking: " + subjectError]);
        }

        if (body?.Length > MaxBodyLength)
        {
            errors.TryAdd($"{prefix}.Body", [$"At most {MaxBodyLength:N0} characters."]);
        }
        else if (renderer.TemplateError(body, subject: false) is { } bodyError)
        {
            errors.TryAdd($"{prefix}.Body", ["The template fails on a sample booking: " + bodyError]);
        }
    }

    private void CheckWebhook(TaskForm task, string prefix, Dictionary<string, string[]> errors)
    {
        if (task.WebhookUrl?.Length > MaxAddressLength)
        {
            errors[$"{prefix}.WebhookUrl"] = [$"At most {MaxAddressLength:N0} characters."];
        }
        else if (webhookTargets.Problem(task.WebhookUrl) is { } problem)
        {
            errors[$"{prefix}.WebhookUrl"] = [problem];
        }

        if (WebhookSignature.Problem(task.WebhookSecret?.Trim()) is { } secretProblem)
        {
            errors[$"{prefix}.WebhookSecret"] = [secretProblem];
        }

        // Standard Webhooks receivers expect every delivery signed: a webhook saved without a secret gets one.
        task.WebhookSecret = string.IsNullOrWhiteSpace(task.WebhookSecret) ? WebhookSignature.NewSecret() : task.WebhookSecret.Trim();
    }

    /// <summary>A task as stored: only what its kind uses, and translations only in the site's other languages, given whole.</summary>
    private NotificationTask ToTask(TaskForm task, Guid id)
    {
        if (task.Kind == NotificationTaskKind.CallWebhook)
        {
            return new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: task.WebhookUrl?.Trim(), WebhookSecret: task.WebhookSecret?.Trim()) { Id = id };
        }

        var offered = OtherCultures.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new NotificationTask(
            task.Kind,
            task.Recipients,
            task.Recipients == RecipientKind.Address ? task.Address?.Trim() : null,
            task.Subject,
            task.Body,
            Translations: [.. task.Translations
                .Where(x => offered.Contains(x.Culture) && !string.IsNullOrWhiteSpace(x.Subject) && !string.IsNullOrWhiteSpace(x.Body))
                .Select(x => new TemplateTranslation(x.Culture, x.Subject!, x.Body!))]) { Id = id };
    }

    private async Task CheckPageAsync(RuleForm form, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (form.BookingPageId is { } page && !await db.BookingPages.AnyAsync(p => p.Id == page, cancellationToken))
        {
            errors[nameof(form.BookingPageId)] = ["Choose a page from the list."];
        }
    }

    private static void Apply(RuleForm form, List<NotificationTask> tasks, NotificationRule rule)
    {
        rule.Name = form.Name!;
        rule.Enabled = form.Enabled;
        rule.BookingPageId = form.BookingPageId;
        rule.ReminderHours = form.ReminderHours;
        rule.Tasks = tasks;
        rule.Version = Guid.NewGuid();
    }

    /// <summary>
    /// Withdraws the rule's messages (of the given tasks, or all) that wait to be sent and that no sender holds now; the
    /// caller saves. A held one is left to its sender, which withdraws it itself if it reads the rule after the save.
    /// </summary>
    private async Task<int> WithdrawQueuedAsync(Guid ruleId, IReadOnlyCollection<Guid>? taskIds, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.OutboxMessages.Where(m => m.RuleId == ruleId && m.Status == OutboxStatus.Pending && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now));
        if (taskIds is not null)
        {
            query = query.Where(m => m.TaskId != null && taskIds.Contains(m.TaskId.Value));
        }

        var queued = await query.ToListAsync(cancellationToken);
        foreach (var message in queued)
        {
            message.Status = OutboxStatus.Cancelled;
            message.LastError = reason;
        }

        return queued.Count;
    }

    /// <summary>
    /// Saves and returns null; or, when someone else saved the rule since it was read (its version moved) or a booking
    /// change queued the same reminder meanwhile (the one-pending-reminder index), saves nothing and says so.
    /// </summary>
    private async Task<string?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SameMoment;
        }
        catch (DbUpdateException)
        {
            return "A booking this rule reminds of changed at the same moment, so nothing was saved. Save again.";
        }
    }

    private static string Count(int tasks) => tasks == 1 ? "1 task" : $"{tasks} tasks";

    /// <summary>A rule as it was before a save, to say in the audit list what the save changed.</summary>
    private sealed record RuleState(string Name, bool Enabled, Guid? PageId, int ReminderHours, IReadOnlyList<(Guid Id, NotificationTask Task)> Tasks)
    {
        public static RuleState Of(NotificationRule rule) => new(rule.Name, rule.Enabled, rule.BookingPageId, rule.ReminderHours, [.. rule.IdentifiedTasks()]);

        /// <summary>Whether a save changed what the rule reminds of, when, or whom: its switch, page, hours or tasks.</summary>
        public bool ChangesReminders(NotificationRule after)
            => Enabled != after.Enabled || PageId != after.BookingPageId || ReminderHours != after.ReminderHours
                || !Tasks.Select(t => Addressed(t.Id, t.Task)).SequenceEqual(after.Tasks.Select(t => Addressed(t.Id, t)));

        /// <summary>Which task sends to whom: what reminders are queued for (a template edit is rendered when sent).</summary>
        private static (Guid, NotificationTaskKind, RecipientKind, string?, string?) Addressed(Guid id, NotificationTask task)
            => (id, task.Kind, task.Recipients, task.Address, task.WebhookUrl);

        /// <summary>The change in words ("renamed from …; switched off; webhook added; tasks reordered"), or null when nothing changed.</summary>
        public string? Changes(NotificationRule after, int withdrawn)
        {
            var parts = new List<string>();
            if (Name != after.Name)
            {
                parts.Add($"renamed from \"{Name}\"");
            }

            if (Enabled != after.Enabled)
            {
                parts.Add(after.Enabled ? "switched on" : "switched off");
            }

            if (PageId != after.BookingPageId)
            {
                parts.Add("booking page changed");
            }

            if (ReminderHours != after.ReminderHours && after.Event == BookingEvent.ReminderDue)
            {
                parts.Add($"{ReminderHours} → {after.ReminderHours} hours before");
            }

            var old = Tasks.ToDictionary(t => t.Id, t => t.Task);
            var now = after.Tasks.ToDictionary(t => t.Id);
            parts.AddRange(after.Tasks.Where(t => !old.ContainsKey(t.Id)).Select(t => Describe(t.Kind, t.Recipients, t.Address) + " added"));
            parts.AddRange(Tasks.Where(t => !now.ContainsKey(t.Id)).Select(t => Describe(t.Task.Kind, t.Task.Recipients, t.Task.Address) + " removed"));
            var kept = Tasks.Select(t => t.Id).Where(now.ContainsKey).ToList();
            if (!kept.SequenceEqual(after.Tasks.Select(t => t.Id).Where(old.ContainsKey)))
            {
                parts.Add("tasks reordered");
            }

            var edited = kept.Count(id => Content(old[id]) != Content(now[id]));
            if (edited > 0)
            {
                parts.Add(edited == 1 ? "1 task edited" : $"{edited} tasks edited");
            }

            if (withdrawn > 0)
            {
                parts.Add($"{withdrawn} queued message(s) withdrawn");
            }

            return parts.Count == 0 ? null : string.Join("; ", parts);
        }

        /// <summary>What an edit can change in a task: everything but its identity (no translations reads as none).</summary>
        private static string Content(NotificationTask task) => JsonSerializer.Serialize(task with { Id = Guid.Empty, Translations = task.Translations ?? [] });
    }
}

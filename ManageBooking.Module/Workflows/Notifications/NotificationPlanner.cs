using System.Text.Json;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Calendars;
using ManageBooking.Data;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Notifications;
using ManageBooking.Options;
using ManageBooking.Policies;
using ManageBooking.Theming;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Outbox;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Turns a booking change into outbox messages, in the caller's transaction: the change and its notifications commit
/// together or not at all. Reminders are outbox messages due later; a move or cancellation withdraws them.
/// </summary>
public sealed class NotificationPlanner(
    ManageBookingDbContext db,
    TemplateRenderer templates,
    OutboxPayloadProtector protector,
    ManageLinks links,
    IOptions<EmailOptions> email,
    EmailLayoutRenderer layout,
    ThemeSettingsStore themes,
    SiteCultures cultures,
    IStringLocalizer<SharedText> text,
    TimeProvider clock) : IBookingNotifications
{
    public async Task PlanAsync(BookingNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var rules = await RulesAsync(notice.Page.Id, cancellationToken);
        foreach (var rule in rules.Where(r => r.Event == notice.Event))
        {
            foreach (var task in rule.Tasks)
            {
                await AddTaskAsync(rule, task, notice, notice.Sessions, now, now, cancellationToken);
            }
        }

        if (notice.Event is BookingEvent.Cancelled or BookingEvent.Rescheduled or BookingEvent.Declined)
        {
            await WithdrawRemindersAsync(notice, cancellationToken);
        }

        var confirmed = notice.Booking.Status is BookingStatus.Confirmed or BookingStatus.Rescheduled;
        if (confirmed && !notice.IsResend && notice.Event is BookingEvent.Confirmed or BookingEvent.Approved or BookingEvent.Rescheduled)
        {
            var upcoming = notice.Event == BookingEvent.Approved ? ManagePolicy.CurrentSessions(notice.Booking) : notice.Sessions;
            foreach (var rule in rules.Where(r => r.Event == BookingEvent.ReminderDue))
            {
                foreach (var session in upcoming.Where(s => s.Status == SessionStatus.Scheduled))
                {
                    var due = Instant.FromDateTimeUtc(session.StartUtc) - Duration.FromHours(rule.ReminderHours);
                    if (due > now)
                    {
                        foreach (var task in rule.Tasks)
                        {
                            await AddTaskAsync(rule, task, notice with { Event = BookingEvent.ReminderDue }, [session], due, now, cancellationToken, session.LineageId);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Adds the messages of one rule for one notice, as a test: no reminders, no withdrawals.</summary>
    public async Task<int> AddTestAsync(NotificationRule rule, BookingNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(notice);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var before = db.ChangeTracker.Entries<OutboxMessage>().Count();
        foreach (var task in rule.Tasks)
        {
            await AddTaskAsync(rule, task, notice, notice.Sessions, now, now, cancellationToken);
        }

        return db.ChangeTracker.Entries<OutboxMessage>().Count() - before;
    }

    /// <summary>Checks that a template compiles, so a broken one is refused in the editor, not at send time.</summary>
    public string? TemplateError(string? template)
    {
        try
        {
            templates.RenderHtml(template ?? "", new Dictionary<string, object?>());
            return null;
        }
        catch (HandlebarsDotNet.HandlebarsException exception)
        {
            return exception.Message;
        }
    }

    private async Task<List<NotificationRule>> RulesAsync(Guid pageId, CancellationToken cancellationToken)
        => await db.NotificationRules.AsNoTracking()
            .Where(r => r.Enabled && (r.BookingPageId == null || r.BookingPageId == pageId))
            .OrderBy(r => r.Order)
            .ToListAsync(cancellationToken);

    private async Task WithdrawRemindersAsync(BookingNotice notice, CancellationToken cancellationToken)
    {
        var lineages = notice.Sessions.Select(s => s.LineageId).ToList();
        var pending = await db.OutboxMessages
            .Where(m => m.BookingId == notice.Booking.Id && m.Status == OutboxStatus.Pending && m.SessionLineageId != null && lineages.Contains(m.SessionLineageId.Value))
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            message.Status = OutboxStatus.Cancelled;
            message.LastError = "Withdrawn: the session was " + (notice.Event == BookingEvent.Rescheduled ? "moved." : "cancelled.");
        }
    }

    private async Task AddTaskAsync(NotificationRule rule, NotificationTask task, BookingNotice notice, IReadOnlyList<BookingSession> sessions, Instant due, Instant now, CancellationToken cancellationToken, Guid? lineage = null)
    {
        if (task.Kind == NotificationTaskKind.CallWebhook && notice.NotifyTeam)
        {
            if (Uri.TryCreate(task.WebhookUrl, UriKind.Absolute, out var url))
            {
                var body = JsonSerializer.Serialize(WebhookBody(notice, sessions), JsonSerializerOptions.Web);
                Add(rule, notice, due, now, lineage, $"Webhook {url.Host}", new OutboxPayload(null, new WebhookCall(url, body, task.WebhookSecret)));
            }

            return;
        }

        if (task.Kind != NotificationTaskKind.SendEmail)
        {
            return;
        }

        var theme = await themes.GetAsync(cancellationToken);
        foreach (var (address, name, zone, isCustomer) in Recipients(task, notice).Where(r => r.IsCustomer ? notice.NotifyCustomer : notice.NotifyTeam))
        {
            // Each email is written wholly in one language, whoever made the change: the customer's, when they booked in
            // another of the site's languages and the task has that translation; else the site's, the main template's.
            var translation = isCustomer ? task.TranslationFor(cultures.For(notice.Booking.Culture).Name) : null;
            var culture = translation is null ? cultures.Default : cultures.For(translation.Culture);
            var (subject, html) = await SiteCultures.InCultureAsync(culture, async () =>
            {
                var brand = EmailBrand.From(theme, text["Bookings"], links.Absolute);
                var model = Model(notice, sessions, zone, isCustomer, brand);
                var subject = templates.RenderSubject((translation?.Subject ?? task.Subject) ?? "{{page.title}}", model);
                var body = new HtmlString(templates.RenderHtml((translation?.Body ?? task.Body) ?? "", model));
                return (subject, await layout.RenderAsync(new EmailLayoutModel(subject, body, brand, notice.Page.Slug), cancellationToken));
            });
            var id = Guid.NewGuid();
            var (calendar, method) = Calendar(notice, sessions, address, name, now);
            var message = new EmailMessage($"<{id:N}@{links.Host}>", address, name, subject, html, TemplateRenderer.ToText(html), calendar, method);
            Add(rule, notice, due, now, lineage, $"{address} · {subject}", new OutboxPayload(message, null), id);
        }
    }

    private void Add(NotificationRule rule, BookingNotice notice, Instant due, Instant now, Guid? lineage, string summary, OutboxPayload payload, Guid? id = null)
        => db.OutboxMessages.Add(new OutboxMessage
        {
            Id = id ?? Guid.NewGuid(),
            Kind = payload.Email is null ? OutboxKind.Webhook : OutboxKind.Email,
            BookingId = notice.Booking.Id,
            SessionLineageId = lineage,
            RuleId = rule.Id,
            Summary = summary.Length > 300 ? summary[..300] : summary,
            Payload = protector.Protect(payload),
            CreatedUtc = now.ToDateTimeUtc(),
            DueUtc = due.ToDateTimeUtc(),
        });

    private static IEnumerable<(string Address, string Name, DateTimeZone Zone, bool IsCustomer)> Recipients(NotificationTask task, BookingNotice notice)
    {
        var pageZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(notice.Page.TimeZoneId) ?? DateTimeZone.Utc;
        switch (task.Recipients)
        {
            case RecipientKind.Customer:
                var customerZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(notice.Booking.CustomerTimeZoneId) ?? DateTimeZone.Utc;
                yield return (notice.Booking.CustomerEmail, notice.Booking.CustomerName, customerZone, true);
                break;
            case RecipientKind.Owner:
                yield return (notice.Page.OwnerEmail, notice.Page.OwnerName, pageZone, false);
                break;
            case RecipientKind.Stakeholders:
                foreach (var address in notice.Page.StakeholderEmails)
                {
                    yield return (address, address, pageZone, false);
                }

                break;
            case RecipientKind.Address when !string.IsNullOrWhiteSpace(task.Address):
                yield return (task.Address, task.Address, pageZone, false);
                break;
        }
    }

    /// <summary>What templates can use. Links only for the customer, only when self-service is on and the token is known.</summary>
    private Dictionary<string, object?> Model(BookingNotice notice, IReadOnlyList<BookingSession> sessions, DateTimeZone zone, bool isCustomer, EmailBrand brand)
    {
        var booking = notice.Booking;
        var withLinks = isCustomer && notice.Page.Manage.Enabled && notice.Event != BookingEvent.Cancelled && notice.Event != BookingEvent.Declined;
        var manage = withLinks ? links.ManagePage(booking).ToString() : null;
        var first = sessions.Count > 0 ? Instant.FromDateTimeUtc(sessions[0].StartUtc) : Instant.FromDateTimeUtc(booking.FirstStartUtc);
        return new Dictionary<string, object?>
        {
            ["event"] = notice.Event.ToString(),
            ["booking"] = new Dictionary<string, object?> { ["reference"] = booking.Reference, ["status"] = booking.Status.ToString() },
            ["page"] = new Dictionary<string, object?> { ["title"] = notice.Page.Title, ["ownerName"] = notice.Page.OwnerName, ["ownerEmail"] = notice.Page.OwnerEmail },
            ["customer"] = new Dictionary<string, object?> { ["name"] = booking.CustomerName, ["email"] = booking.CustomerEmail },
            ["sessions"] = sessions.Select(s => new Dictionary<string, object?>
            {
                ["when"] = TimeDisplay.Range(s.StartUtc, s.EndUtc, zone),
                ["cancelled"] = s.Status == SessionStatus.Cancelled,
            }).ToList(),
            ["changed"] = (notice.Moves is { } moves
                ? moves.Select(m => new Dictionary<string, object?> { ["from"] = TimeDisplay.Range(m.Old.StartUtc, m.Old.EndUtc, zone), ["to"] = TimeDisplay.Range(m.New.StartUtc, m.New.EndUtc, zone) })
                : sessions.Select(s => new Dictionary<string, object?> { ["from"] = TimeDisplay.Range(s.StartUtc, s.EndUtc, zone), ["to"] = null })).ToList(),
            ["zoneLabel"] = text.ZoneLabel(zone, first),
            ["theme"] = new Dictionary<string, object?> { ["siteName"] = brand.SiteName, ["brand"] = brand.Color, ["brandText"] = brand.TextColor },
            ["reason"] = notice.Reason,
            ["links"] = manage is null ? null : new Dictionary<string, object?>
            {
                ["manage"] = manage,
                ["reschedule"] = links.ManagePage(booking, "reschedule").ToString(),
                ["cancel"] = links.ManagePage(booking, "cancel").ToString(),
            },
        };
    }

    /// <summary>Every booking email carries its calendar entries: same UID for a session's life, SEQUENCE as stored.</summary>
    private (string Calendar, string Method) Calendar(BookingNotice notice, IReadOnlyList<BookingSession> sessions, string address, string name, Instant now)
    {
        var cancel = notice.Event is BookingEvent.Cancelled or BookingEvent.Declined;
        var method = cancel ? CalendarMethod.Cancel : CalendarMethod.Request;
        var tentative = notice.Booking.Status == BookingStatus.Pending;
        var smtp = email.Value.Smtp;
        var events = sessions.Select(s => new CalendarEvent(
            $"{s.LineageId:N}@managebooking",
            s.Sequence,
            Instant.FromDateTimeUtc(s.StartUtc),
            Instant.FromDateTimeUtc(s.EndUtc),
            $"{notice.Page.Title} ({notice.Booking.Reference})",
            $"{notice.Page.Title} with {notice.Page.OwnerName} and {notice.Booking.CustomerName}.",
            null,
            tentative,
            cancel)).ToList();
        var invite = new CalendarInvite(method, smtp.From, smtp.FromName, notice.Booking.CustomerEmail, notice.Booking.CustomerName, now, events);
        return (ICalendarWriter.Write(invite), method == CalendarMethod.Cancel ? "CANCEL" : "REQUEST");
    }

    private static object WebhookBody(BookingNotice notice, IReadOnlyList<BookingSession> sessions) => new
    {
        @event = notice.Event.ToString(),
        reference = notice.Booking.Reference,
        status = notice.Booking.Status.ToString(),
        page = new { slug = notice.Page.Slug, title = notice.Page.Title },
        customer = new { name = notice.Booking.CustomerName, email = notice.Booking.CustomerEmail },
        sessions = sessions.Select(s => new { id = s.Id, start = s.StartUtc, end = s.EndUtc, status = s.Status.ToString() }),
        reason = notice.Reason,
        culture = notice.Booking.Culture,
    };
}

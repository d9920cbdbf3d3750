using System.Text.Json;
using ManageBooking.Data;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Workflows.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// What a rule task being edited would send, before it is saved: its email rendered by the one renderer, for the sample
/// booking (never a real one), inside the theme's email layout, in each language it is sent in; or its webhook's body.
/// </summary>
public sealed class RulePreview(ManageBookingDbContext db, NotificationRenderer renderer, SiteCultures cultures)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    /// <param name="pageId">The page the rule is limited to: the sample then reads as that page's booking.</param>
    public async Task<TaskPreview> RenderAsync(BookingEvent bookingEvent, NotificationTask task, Guid? pageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var page = pageId is { } id ? await db.BookingPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (task.Kind == NotificationTaskKind.CallWebhook)
        {
            return new TaskPreview([], WebhookBody(bookingEvent, task, page));
        }

        // A customer reads the language they booked in when the task has it; the team always reads the site's own.
        var languages = task.IsForCustomer ? cultures.Supported : [cultures.Default];
        var emails = new List<EmailPreview>();
        foreach (var culture in languages)
        {
            var main = culture.Name == cultures.Default.Name;
            var sample = NotificationSample.Create(main ? null : culture.Name, page);
            var language = SharedTextExtensions.NativeName(culture);
            var inMain = !main && task.TranslationFor(culture.Name) is null;
            try
            {
                var mail = await renderer.RenderEmailAsync(sample.For(bookingEvent, task, Target(task, sample)), cancellationToken);
                emails.Add(new EmailPreview(culture.Name, language, mail.Subject, mail.Html, inMain, null));
            }
            catch (Exception exception) when (exception is HandlebarsDotNet.HandlebarsException or InvalidOperationException or ArgumentException or FormatException)
            {
                emails.Add(new EmailPreview(culture.Name, language, null, null, inMain, exception.Message));
            }
        }

        return new TaskPreview(emails, null);
    }

    /// <summary>Who the sample email goes to, as the task addresses it.</summary>
    private static DeliveryTarget Target(NotificationTask task, NotificationSample sample)
    {
        var booking = sample.Booking;
        var page = booking.Page!;
        return task.Recipients switch
        {
            RecipientKind.Customer => new DeliveryTarget(booking.CustomerEmail, ForCustomer: true),
            RecipientKind.Owner => new DeliveryTarget(page.OwnerEmail, ForCustomer: false),
            RecipientKind.Stakeholders => new DeliveryTarget(page.StakeholderEmails.FirstOrDefault() ?? "assistant@example.com", ForCustomer: false),
            _ => new DeliveryTarget(string.IsNullOrWhiteSpace(task.Address) ? "someone@example.com" : task.Address.Trim(), ForCustomer: false),
        };
    }

    private static string WebhookBody(BookingEvent bookingEvent, NotificationTask task, BookingPage? page)
    {
        var sample = NotificationSample.Create(null, page);
        var render = sample.For(bookingEvent, task);
        var message = new OutboxMessage { Id = render.MessageId, Event = bookingEvent, SessionLineageId = render.LineageId, CreatedUtc = render.Now.ToDateTimeUtc() };
        var delivery = new TaskDelivery(message, new NotificationRule { Event = bookingEvent, Tasks = [task] }, task, sample.Booking, render.Change, render.Now);
        using var body = JsonDocument.Parse(WebhookPayload.Serialize(delivery));
        return JsonSerializer.Serialize(body.RootElement, Indented);
    }
}

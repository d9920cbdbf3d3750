using System.Net;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Calendars;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Policies;
using ManageBooking.Theming;
using ManageBooking.Workflows.Email;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// The one place an email is rendered, when it is sent: the rule task's current template (in the customer's language
/// when it has a translation for it), the theme's current brand, the booking's current manage link, its page's current
/// Reschedule &amp; Cancel toggle, and the calendar entries. A customer email carries the Manage your booking links
/// while the toggle is on and something can still change; says how to reach the owner when not; and offers to book
/// again once the booking is cancelled or declined, whatever the owner's template holds.
/// </summary>
public sealed class NotificationRenderer(
    TemplateRenderer templates,
    EmailLayoutRenderer layout,
    ThemeSettingsStore themes,
    ManageLinks links,
    SiteCultures cultures,
    IStringLocalizer<SharedText> text,
    IOptions<EmailOptions> email)
{
    /// <summary>The brand templates are checked and listed with: a site's own is not needed to find a template's faults.</summary>
    private static readonly EmailBrand SampleBrand = new("Sample site", "#1a56db", "#ffffff", null);

    public async Task<EmailMessage> RenderEmailAsync(EmailRender request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var theme = await themes.GetAsync(cancellationToken);

        // Each email is written wholly in one language: the customer's, when they booked in another of the site's
        // languages and the task has that translation; else the site's, the main template's.
        var translation = request.Target.ForCustomer ? request.Task.TranslationFor(cultures.For(request.Booking.Culture).Name) : null;
        var culture = translation is null ? cultures.Default : cultures.For(translation.Culture);
        return await SiteCultures.InCultureAsync(culture, async () =>
        {
            var brand = EmailBrand.From(theme, text["Bookings"], links.Absolute);
            var content = Content(request);
            var model = Model(request, content, brand);
            var subject = templates.RenderSubject((translation?.Subject ?? request.Task.Subject) ?? "{{page.title}}", model);
            var body = templates.RenderHtml((translation?.Body ?? request.Task.Body) ?? "", model);
            body += Additions(request, content, brand, body);
            var html = await layout.RenderAsync(new EmailLayoutModel(subject, new HtmlString(body), brand, request.Page.Slug), cancellationToken);
            var (calendar, method) = Calendar(request, content);
            var name = request.Target.ForCustomer ? request.Booking.CustomerName : request.Target.Address == request.Page.OwnerEmail ? request.Page.OwnerName : request.Target.Address;
            return new EmailMessage($"<{request.MessageId:N}@{links.Host}>", request.Target.Address, name, subject, html, TemplateRenderer.ToText(html), calendar, method);
        });
    }

    /// <summary>
    /// Renders a template against a realistic sample (a package with a moved and a cancelled session, a reason, a pending
    /// request, links) as the editor saves it, so a template that compiles but fails on real data is refused there.
    /// </summary>
    public string? TemplateError(string? template, bool subject)
    {
        var sample = NotificationSample.Create();
        foreach (var bookingEvent in Enum.GetValues<BookingEvent>())
        {
            var request = sample.For(bookingEvent);
            var model = Model(request, Content(request), SampleBrand);
            try
            {
                _ = subject ? templates.RenderSubject(template ?? "", model) : templates.RenderHtml(template ?? "", model);
            }
            catch (Exception exception) when (exception is HandlebarsDotNet.HandlebarsException or InvalidOperationException or ArgumentException or FormatException)
            {
                return exception.Message;
            }
        }

        return null;
    }

    /// <summary>
    /// What templates can use, with the sample's values for <paramref name="bookingEvent"/>: read from the very model
    /// templates are rendered with (a customer's email), so the editor's list cannot drift from what they get.
    /// </summary>
    public IReadOnlyList<TemplateVariable> Variables(BookingEvent bookingEvent)
    {
        var request = NotificationSample.Create().For(bookingEvent);
        return [.. Describe(Model(request, Content(request), SampleBrand), "")];
    }

    private static IEnumerable<TemplateVariable> Describe(IReadOnlyDictionary<string, object?> values, string prefix)
    {
        foreach (var (key, value) in values)
        {
            var path = prefix + key;
            switch (value)
            {
                case IReadOnlyDictionary<string, object?> nested:
                    foreach (var inner in Describe(nested, path + "."))
                    {
                        yield return inner;
                    }

                    break;
                case IEnumerable<Dictionary<string, object?>> list:
                    var first = list.FirstOrDefault();
                    yield return new TemplateVariable(path, TemplateValueKind.List, null, first is null ? [] : [.. Describe(first, "")]);
                    break;
                case bool flag:
                    yield return new TemplateVariable(path, TemplateValueKind.Flag, flag ? "true" : "false", []);
                    break;
                default:
                    yield return new TemplateVariable(path, TemplateValueKind.Text, value?.ToString(), []);
                    break;
            }
        }
    }

    /// <summary>What an email tells and offers, decided once for the template, the additions and the calendar.</summary>
    private EmailContent Content(EmailRender request)
    {
        var booking = request.Booking;
        var page = request.Page;
        var current = ManagePolicy.CurrentSessions(booking);
        IReadOnlyList<SessionFact> told = request.LineageId is { } lineage
            ? [.. current.Where(s => s.LineageId == lineage).Select(SessionFact.Of)]
            : request.Change?.Sessions ?? [.. current.Where(s => s.Status == SessionStatus.Scheduled).Select(SessionFact.Of)];
        var toldIds = told.Select(s => s.SessionId).ToHashSet();
        var remaining = current.Where(s => s.Status == SessionStatus.Scheduled && !toldIds.Contains(s.Id)).Select(SessionFact.Of).ToList();
        var live = booking.Status is not (BookingStatus.Cancelled or BookingStatus.Declined);
        var customer = request.Target.ForCustomer;
        var changeable = ManagePolicy.Evaluate(booking, page, request.Now, Actor.Customer).Sessions.Any(s => s.CanCancel || s.CanReschedule);
        var token = request.IsSample ? "example-link" : links.TokenFor(booking);

        // A host's request for a new time opens the link to rescheduling even where self-service is off.
        var selfService = (page.Manage.Enabled || booking.RescheduleRequestedUtc is not null) && changeable;
        return new EmailContent(
            told,
            remaining,
            customer && live && selfService ? token : null,
            customer && !live && page.IsPublished ? links.Absolute("book/" + Uri.EscapeDataString(page.Slug)) : null,
            customer && live && !selfService,
            Zone(customer ? booking.CustomerTimeZoneId : page.TimeZoneId));
    }

    /// <summary>What templates can use; the rule editor lists it (<see cref="Variables"/>), and so does the README's Notifications section.</summary>
    private Dictionary<string, object?> Model(EmailRender request, EmailContent content, EmailBrand brand)
    {
        var booking = request.Booking;
        var page = request.Page;
        var zone = content.Zone;
        var first = content.Told.Count > 0 ? Instant.FromDateTimeUtc(content.Told[0].StartUtc) : Instant.FromDateTimeUtc(booking.FirstStartUtc);
        var moves = request.Change?.Moves ?? [];
        return new Dictionary<string, object?>
        {
            ["event"] = request.Event.ToString(),
            ["booking"] = new Dictionary<string, object?> { ["reference"] = booking.Reference, ["status"] = booking.Status.ToString() },
            ["page"] = new Dictionary<string, object?> { ["title"] = page.Title, ["ownerName"] = page.OwnerName, ["ownerEmail"] = page.OwnerEmail, ["slug"] = page.Slug },
            ["customer"] = new Dictionary<string, object?> { ["name"] = booking.CustomerName, ["email"] = booking.CustomerEmail },
            ["sessions"] = content.Told.Select(s => Session(s, zone)).ToList(),
            ["changed"] = (moves.Count > 0
                ? moves.Select(m => new Dictionary<string, object?> { ["from"] = When(m.From, zone), ["to"] = When(m.To, zone) })
                : content.Told.Select(s => new Dictionary<string, object?> { ["from"] = When(s, zone), ["to"] = null })).ToList(),
            ["remaining"] = content.Remaining.Select(s => Session(s, zone)).ToList(),
            ["partial"] = request.Change?.Partial == true,
            ["zoneLabel"] = text.ZoneLabel(zone, first),
            ["theme"] = new Dictionary<string, object?> { ["siteName"] = brand.SiteName, ["brand"] = brand.Color, ["brandText"] = brand.TextColor },
            ["reason"] = request.Change?.Reason,
            ["links"] = content.Token is not { } token ? null : new Dictionary<string, object?>
            {
                ["manage"] = links.ManagePage(token).ToString(),
                ["reschedule"] = links.ManagePage(token, "reschedule").ToString(),
                ["cancel"] = links.ManagePage(token, "cancel").ToString(),
            },
            ["bookAgain"] = content.BookAgain?.ToString(),
        };
    }

    /// <summary>
    /// What a customer email must carry whatever its template says: the manage links while something can change, how
    /// to reach the owner when not, a way to book again when nothing is left. Only what the template left out is added.
    /// </summary>
    private string Additions(EmailRender request, EmailContent content, EmailBrand brand, string body)
    {
        var html = new System.Text.StringBuilder();
        if (content.Token is { } token)
        {
            var manage = links.ManagePage(token).ToString();
            html.Append("<p style=\"margin-top:20px\"><a class=\"mb-manage\" href=\"").Append(Attribute(manage))
                .Append("\" style=\"display:inline-block;background:").Append(Attribute(brand.Color)).Append(";color:").Append(Attribute(brand.TextColor))
                .Append(";padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600\">").Append(Encode(text["Manage your booking"])).Append("</a></p>")
                .Append("<p style=\"font-size:14px\"><a href=\"").Append(Attribute(links.ManagePage(token, "reschedule").ToString())).Append("\">").Append(Encode(text["Reschedule"]))
                .Append("</a> · <a href=\"").Append(Attribute(links.ManagePage(token, "cancel").ToString())).Append("\">").Append(Encode(text["Cancel"])).Append("</a></p>");
            return body.Contains(WebUtility.HtmlEncode(manage), StringComparison.Ordinal) ? "" : html.ToString();
        }

        if (content.ContactOwner)
        {
            html.Append("<p class=\"mb-contact\">")
                .Append(Encode(text["To change this booking, contact {0} at {1}.", request.Page.OwnerName, request.Page.OwnerEmail]))
                .Append("</p>");
        }

        if (content.BookAgain is { } again)
        {
            html.Append("<p><a class=\"mb-book-again\" href=\"").Append(Attribute(again.ToString())).Append("\">").Append(Encode(text["Book again"])).Append("</a></p>");
        }

        return html.ToString();
    }

    /// <summary>
    /// Every booking email carries its calendar entries: same UID for a session's life, SEQUENCE as the change left it.
    /// The customer is the attendee (REQUEST, CANCEL) with the manage link in URL and DESCRIPTION; the owner and
    /// stakeholders get a PUBLISH copy, which asks them nothing.
    /// </summary>
    private (string Calendar, string Method) Calendar(EmailRender request, EmailContent content)
    {
        var booking = request.Booking;
        var page = request.Page;
        var cancel = request.Event is BookingEvent.Cancelled or BookingEvent.Declined;
        var method = CalendarInvite.MethodFor(request.Target.ForCustomer, cancel);
        var manage = content.Token is { } token ? links.ManagePage(token) : null;
        var description = text["{0} with {1}", page.Title, page.OwnerName].Value
            + (manage is null ? "" : "\n" + text["Manage your booking"].Value + ": " + manage.AbsoluteUri)
            + (content.BookAgain is null ? "" : "\n" + text["Book again"].Value + ": " + content.BookAgain.AbsoluteUri);
        var events = content.Told.Select(s => new CalendarEvent(
            CalendarEvent.UidOf(s.LineageId),
            s.Sequence,
            Instant.FromDateTimeUtc(s.StartUtc),
            Instant.FromDateTimeUtc(s.EndUtc),
            $"{page.Title} ({booking.Reference})",
            description,
            manage,
            null,
            booking.Status == BookingStatus.Pending,
            cancel || s.Cancelled)).ToList();
        var smtp = email.Value.Smtp;
        var invite = new CalendarInvite(method, new CalendarParty(smtp.From, smtp.FromName), new CalendarParty(booking.CustomerEmail, booking.CustomerName), request.Now, events);
        return (ICalendarWriter.Write(invite), ICalendarWriter.MethodName(method));
    }

    private static Dictionary<string, object?> Session(SessionFact session, DateTimeZone zone)
        => new() { ["when"] = When(session, zone), ["cancelled"] = session.Cancelled };

    private static string When(SessionFact session, DateTimeZone zone) => TimeDisplay.Range(session.StartUtc, session.EndUtc, zone);

    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? DateTimeZone.Utc;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Attribute(string value) => WebUtility.HtmlEncode(value);

    /// <summary>The sessions an email tells of and what it offers.</summary>
    private sealed record EmailContent(
        IReadOnlyList<SessionFact> Told,
        IReadOnlyList<SessionFact> Remaining,
        string? Token,
        Uri? BookAgain,
        bool ContactOwner,
        DateTimeZone Zone);
}

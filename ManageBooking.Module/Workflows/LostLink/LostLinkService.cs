using System.Globalization;
using System.Net;
using System.Text;
using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.ViewModels;
using ManageBooking.Data;
using ManageBooking.Localization;
using ManageBooking.Models;
using ManageBooking.Models.Outbox;
using ManageBooking.Theming;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Notifications;
using ManageBooking.Workflows.Outbox;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace ManageBooking.Workflows.LostLink;

/// <summary>
/// "Lost your link?": one email to an address listing its upcoming bookings on this site, each with its current manage
/// link. An address without bookings gets nothing, and the caller answers both alike. The email is queued through the
/// outbox like any other, rendered now (the links are current), in the language the page was read in.
/// </summary>
public sealed class LostLinkService(
    ManageBookingDbContext db,
    ManageLinks links,
    EmailLayoutRenderer layout,
    ThemeSettingsStore themes,
    OutboxPayloadProtector protector,
    IStringLocalizer<SharedText> text,
    TimeProvider clock)
{
    /// <summary>Queues the email when <paramref name="address"/> has upcoming bookings; returns how many it lists.</summary>
    public async Task<int> SendLinksAsync(string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var normalized = Normalize(address);
        var now = clock.GetUtcNow().UtcDateTime;
        // ToLower becomes SQL lower() on both providers; the culture-aware overloads the analyzers suggest do not translate.
#pragma warning disable CA1304, CA1311, CA1862
        var bookings = await db.Bookings.AsNoTracking().AsSplitQuery()
            .Include(b => b.Page)
            .Include(b => b.Sessions)
            .Where(b => b.CustomerEmail.ToLower() == normalized
                && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined
                && b.Sessions.Any(s => s.Status == SessionStatus.Scheduled && !s.IsReplaced && s.StartUtc > now))
            .OrderBy(b => b.FirstStartUtc)
            .Take(20)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        if (bookings.Count == 0)
        {
            return 0;
        }

        var id = Guid.NewGuid();
        var theme = await themes.GetAsync(cancellationToken);
        var brand = EmailBrand.From(theme, text["Bookings"], links.Absolute);
        var subject = text["Your bookings at {0}", brand.SiteName].Value;
        var html = await layout.RenderAsync(new EmailLayoutModel(subject, new HtmlString(Body(bookings, brand, now)), brand, ""), cancellationToken);
        var first = bookings[0];
        var summary = $"{first.CustomerEmail} · {subject}";
        var mail = new EmailMessage($"<{id:N}@{links.Host}>", first.CustomerEmail, first.CustomerName, subject, html, TemplateRenderer.ToText(html), null, null);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = id,
            Kind = OutboxKind.Email,
            Recipient = first.CustomerEmail,
            ForCustomer = true,
            Summary = summary.Length > 300 ? summary[..300] : summary,
            Payload = protector.Protect(new OutboxPayload(mail, null)),
            CreatedUtc = now,
            DueUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return bookings.Count;
    }

    /// <summary>Addresses compare without case, as mail systems deliver them.</summary>
    public static string Normalize(string address) => address.Trim().ToLower(CultureInfo.InvariantCulture);

    private string Body(IReadOnlyList<Booking> bookings, EmailBrand brand, DateTime now)
    {
        var html = new StringBuilder();
        html.Append("<p>").Append(Encode(text["Here are your upcoming bookings. Open one to see it, reschedule it or cancel it."])).Append("</p>");
        foreach (var booking in bookings)
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(booking.CustomerTimeZoneId) ?? DateTimeZone.Utc;
            var next = booking.Sessions.Where(s => s.Status == SessionStatus.Scheduled && !s.IsReplaced && s.StartUtc > now).OrderBy(s => s.StartUtc).First();
            var manage = links.ManagePage(booking).ToString();
            html.Append("<div style=\"margin:16px 0;padding:12px 16px;border:1px solid #d0d5dd;border-radius:6px\">")
                .Append("<p style=\"margin:0 0 4px\"><strong>").Append(Encode(booking.Page!.Title)).Append("</strong> · ").Append(Encode(booking.Reference)).Append("</p>")
                .Append("<p style=\"margin:0 0 8px\">").Append(Encode(TimeDisplay.Range(next.StartUtc, next.EndUtc, zone))).Append("</p>")
                .Append("<p style=\"margin:0\"><a href=\"").Append(Encode(manage)).Append("\" style=\"display:inline-block;background:").Append(Encode(brand.Color))
                .Append(";color:").Append(Encode(brand.TextColor)).Append(";padding:8px 14px;border-radius:6px;text-decoration:none;font-weight:600\">")
                .Append(Encode(text["Manage your booking"])).Append("</a></p></div>");
        }

        html.Append("<p style=\"color:#4d5561;font-size:13px\">").Append(Encode(text["You asked for this email on our \"Lost your link?\" page. If it wasn't you, you can ignore it: nothing has changed."])).Append("</p>");
        return html.ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

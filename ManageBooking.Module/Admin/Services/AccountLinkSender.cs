using System.Globalization;
using System.Net;
using System.Text.Json;
using ManageBooking.BookingPages.Services;
using ManageBooking.Localization;
using ManageBooking.Models.Outbox;
using ManageBooking.Theming;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Notifications;
using ManageBooking.Workflows.Outbox;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;

namespace ManageBooking.Admin.Services;

/// <summary>
/// Sends a staff member's invitation or new-password email when it is due. The one-time link is made here, at send time,
/// from the account as it is then: a removed or disabled account gets nothing, and an invitation whose password was set
/// meanwhile is withdrawn. The link is Identity's password-reset token, bound to the account's security stamp.
/// </summary>
public sealed class AccountLinkSender(
    UserManager<IdentityUser> users,
    ManageLinks links,
    EmailLayoutRenderer layout,
    ThemeSettingsStore themes,
    IEmailSender email) : IOutboxMessageSender
{
    public OutboxKind Kind => OutboxKind.AccountLink;

    public async Task<TaskOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var facts = message.Facts is { } json ? JsonSerializer.Deserialize<AccountLinkFacts>(json, StaffService.FactsJson) : null;
        var user = facts is null ? null : await users.FindByIdAsync(facts.UserId);
        if (facts is null || user?.Email is null)
        {
            return TaskOutcome.Withdrawn("Withdrawn: the staff account was removed.");
        }

        if (StaffService.IsDisabled(user.LockoutEnd))
        {
            return TaskOutcome.Withdrawn("Withdrawn: the staff account is disabled.");
        }

        if (facts.Purpose == AccountLinkPurpose.Invite && user.PasswordHash is not null)
        {
            return TaskOutcome.Withdrawn("Withdrawn: the person has set their password already.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var url = links.Absolute(AccountLinkToken.PathPrefix + AccountLinkToken.Encode(user.Id, token)).ToString();

        // The admin speaks English (AdminText has no translation yet), and so do its emails, whatever the site's language.
        var mail = await SiteCultures.InCultureAsync(CultureInfo.GetCultureInfo("en"), async () =>
        {
            var brand = EmailBrand.From(await themes.GetAsync(cancellationToken), "Bookings", links.Absolute);
            var invite = facts.Purpose == AccountLinkPurpose.Invite;
            var subject = invite ? $"You're invited to the {brand.SiteName} admin" : $"Set a new password for the {brand.SiteName} admin";
            var html = await layout.RenderAsync(new EmailLayoutModel(subject, new HtmlString(Body(invite, facts, user.Email, url, brand)), brand, ""), cancellationToken);
            return new EmailMessage($"<{message.Id:N}@{links.Host}>", user.Email, user.Email, subject, html, TemplateRenderer.ToText(html), null, null);
        });
        message.Summary = Cut($"{user.Email} · {mail.Subject}");
        var sent = await email.SendAsync(mail, cancellationToken);
        return sent.Succeeded ? TaskOutcome.Done : TaskOutcome.Failed(sent.Error ?? "The email was not sent.");
    }

    private static string Body(bool invite, AccountLinkFacts facts, string address, string url, EmailBrand brand)
    {
        var by = string.IsNullOrEmpty(facts.RequestedBy) ? "An administrator" : facts.RequestedBy;
        var lead = invite
            ? $"{by} invited you to the {brand.SiteName} bookings admin as {facts.Role ?? "staff"}. Choose your password to sign in as {address}."
            : $"{by} sent you a link to choose a new password for the {brand.SiteName} bookings admin ({address}). Your current password works until you use it.";
        return $"""
            <p>{Encode(lead)}</p>
            <p><a href="{Encode(url)}" style="display:inline-block;background:{Encode(brand.Color)};color:{Encode(brand.TextColor)};padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">{Encode(invite ? "Choose your password" : "Choose a new password")}</a></p>
            <p style="color:#4d5561;font-size:13px">{Encode("The link works once, for three days. Setting the password signs you out everywhere else. If you did not expect this email, ignore it.")}</p>
            """;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Cut(string text) => text.Length > 300 ? text[..300] : text;
}

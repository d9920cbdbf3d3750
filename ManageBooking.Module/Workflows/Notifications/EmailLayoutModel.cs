using ManageBooking.Theming;
using Microsoft.AspNetCore.Html;

namespace ManageBooking.Workflows.Notifications;

/// <summary>What the theme's email layout (Views/Shared/_EmailLayout.cshtml) frames: the rule's rendered body and the brand.</summary>
/// <param name="Title">The subject, for the document title.</param>
/// <param name="Body">The template's HTML, already encoded where it carries data.</param>
/// <param name="Brand">Site name, resolved colours (mail clients know no custom properties) and an absolute logo address.</param>
/// <param name="PageSlug">The booking page, for page alternates and for layouts that vary by page.</param>
public sealed record EmailLayoutModel(string Title, IHtmlContent Body, EmailBrand Brand, string PageSlug);

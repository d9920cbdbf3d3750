using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Theming;

/// <summary>
/// Per-booking-page alternates, as Orchard Core's shape alternates: a view or partial named "{name}-{slug}" wins over
/// "{name}" when a site or theme provides it. A site overrides any view for every page by placing one of the same name
/// in its own Views folder; an alternate overrides it for one page only.
/// </summary>
public static class ViewAlternates
{
    /// <summary>The page-specific view name when one exists, else the plain one.</summary>
    public static string Pick(ActionContext context, string name, string? slug, bool isMainPage = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(slug))
        {
            return name;
        }

        var engine = context.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var alternate = $"{name}-{slug}";
        return engine.FindView(context, alternate, isMainPage).Success ? alternate : name;
    }

    /// <summary>Renders "{name}-{slug}" when it exists, else "{name}".</summary>
    public static Task<IHtmlContent> PartialForPageAsync(this IHtmlHelper html, string name, string? slug, object? model)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.PartialAsync(Pick(html.ViewContext, name, slug, isMainPage: false), model);
    }
}

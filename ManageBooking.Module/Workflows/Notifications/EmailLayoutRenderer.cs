using ManageBooking.Theming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Renders the email layout view ("_EmailLayout", or "_EmailLayout-{slug}" when a site has one for the page) to a
/// string. Emails are planned inside a booking change, which may have no request of its own (tests, background work),
/// so the view gets a request context of its own rather than the caller's.
/// </summary>
public sealed class EmailLayoutRenderer(ICompositeViewEngine views, ITempDataProvider tempData, IServiceProvider services)
{
    public const string ViewName = "_EmailLayout";

    public async Task<string> RenderAsync(EmailLayoutModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var http = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var name = ViewAlternates.Pick(action, ViewName, model.PageSlug, isMainPage: false);
        var found = views.FindView(action, name, isMainPage: false);
        if (!found.Success)
        {
            throw new InvalidOperationException(
                $"No {ViewName} view: the theme provides Views/Shared/{ViewName}.cshtml. Searched: {string.Join(", ", found.SearchedLocations)}.");
        }

        await using var writer = new StringWriter();
        var data = new ViewDataDictionary<EmailLayoutModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(action, found.View, data, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}

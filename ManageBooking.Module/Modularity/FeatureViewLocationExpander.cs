using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ManageBooking.Modularity;

/// <summary>
/// Finds a feature's views in its own folder ("/Admin/Views/{controller}/{view}.cshtml"), after the usual locations so
/// that a site or theme overrides any view by placing one of the same name under its own Views folder; shared partials
/// of every enabled feature come last.
/// </summary>
public sealed class FeatureViewLocationExpander(EnabledFeatures features) : IViewLocationExpander
{
    private const string FeatureKey = "mb-feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor controller)
        {
            context.Values[FeatureKey] = FeatureStartups.FeatureOf(controller.ControllerTypeInfo);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(viewLocations);
        var locations = viewLocations.ToList();
        if (context.Values.TryGetValue(FeatureKey, out var own) && own is not null)
        {
            var folder = FeatureStartups.FolderOf(own);
            locations.Add($"/{folder}/Views/{{1}}/{{0}}.cshtml");
            locations.Add($"/{folder}/Views/Shared/{{0}}.cshtml");
        }

        locations.AddRange(features.Ids.Select(id => $"/{FeatureStartups.FolderOf(id)}/Views/Shared/{{0}}.cshtml"));
        return locations.Distinct();
    }
}

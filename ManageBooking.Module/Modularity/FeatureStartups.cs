using System.Reflection;

namespace ManageBooking.Modularity;

/// <summary>
/// The startup of every feature, and which feature a type belongs to: the one whose startup's namespace holds it (a
/// feature is a folder), or the module's main feature for shared plumbing outside every feature folder.
/// </summary>
public static class FeatureStartups
{
    private static readonly IFeatureStartup[] All =
    [
        new BookingPages.Startup(),
        new Workflows.WorkflowsStartup(),
        new Admin.AdminStartup(),
        new Api.ApiStartup(),
    ];

    /// <summary>Every feature's startup, in the manifest's order.</summary>
    public static IReadOnlyList<IFeatureStartup> Declared => All;

    /// <summary>The startups of the enabled features, dependencies first (the manifest lists them so).</summary>
    public static IEnumerable<IFeatureStartup> Enabled(EnabledFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.Ids.Select(id => All.FirstOrDefault(s => s.FeatureId == id)
            ?? throw new InvalidOperationException($"module.json declares the feature {id}, but the module has no startup for it."));
    }

    /// <summary>The folder (and namespace) of a feature, such as "Admin" for ManageBooking.Admin.</summary>
    public static string FolderOf(string featureId)
        => All.First(s => s.FeatureId == featureId).GetType().Namespace!["ManageBooking.".Length..];

    /// <summary>The feature a type belongs to, from the namespace it lives in.</summary>
    public static string FeatureOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var space = type.Namespace ?? "";
        var owner = All.FirstOrDefault(s => space == s.GetType().Namespace || space.StartsWith(s.GetType().Namespace + ".", StringComparison.Ordinal));
        return owner?.FeatureId ?? FeatureIds.Main;
    }

    /// <summary>True when the type's feature, and every feature it also requires, is on.</summary>
    public static bool IsActive(Type type, EnabledFeatures features)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(features);
        var required = type.GetCustomAttribute<RequireFeaturesAttribute>()?.FeatureIds ?? [];
        return features.IsEnabled(FeatureOf(type)) && required.All(features.IsEnabled);
    }
}

using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace ManageBooking.Modularity;

/// <summary>
/// Takes the controllers of switched-off features out of MVC's application parts: MVC discovers every controller of
/// the assembly, so without this a disabled feature's URLs would still route (and fail on its missing services).
/// </summary>
public sealed class FeatureControllerFilter(EnabledFeatures features) : IApplicationFeatureProvider<ControllerFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var moduleAssembly = typeof(FeatureControllerFilter).Assembly;
        foreach (var controller in feature.Controllers.Where(c => c.Assembly == moduleAssembly && !FeatureStartups.IsActive(c, features)).ToList())
        {
            feature.Controllers.Remove(controller);
        }
    }
}

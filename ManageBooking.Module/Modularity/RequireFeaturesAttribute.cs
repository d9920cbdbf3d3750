namespace ManageBooking.Modularity;

/// <summary>
/// Marks a type of one feature that also needs others to be on, as Orchard Core's attribute of the same name does: the
/// notification rules' admin screens belong to Workflows but exist only when Admin is on too.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequireFeaturesAttribute(params string[] featureIds) : Attribute
{
    public IReadOnlyList<string> FeatureIds { get; } = featureIds;
}

using Microsoft.Extensions.Configuration;

namespace ManageBooking.Modularity;

/// <summary>
/// The features this site runs: every feature of the manifest unless configuration switches it off with
/// ManageBooking:Features:{id}=false. A configuration that keeps a feature on while switching off one it depends on is
/// refused at start-up rather than half-working.
/// </summary>
public sealed class EnabledFeatures
{
    public const string SectionName = "ManageBooking:Features";

    private readonly HashSet<string> _enabled;

    private EnabledFeatures(ModuleManifest manifest, HashSet<string> enabled)
    {
        Manifest = manifest;
        _enabled = enabled;
    }

    public ModuleManifest Manifest { get; }

    public IEnumerable<string> Ids => Manifest.Features.Select(f => f.Id).Where(_enabled.Contains);

    public bool IsEnabled(string featureId) => _enabled.Contains(featureId);

    /// <summary>Reads the switches; throws with the keys to change when a dependency is off.</summary>
    public static EnabledFeatures From(ModuleManifest manifest, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var unknown = section.GetChildren().Select(c => c.Key).FirstOrDefault(key => manifest.Find(key) is null);
        if (unknown is not null)
        {
            throw new InvalidOperationException(
                $"{SectionName}:{unknown} names no feature of this module. Its features are: {string.Join(", ", manifest.Features.Select(f => f.Id))}.");
        }

        var enabled = manifest.Features.Where(f => section.GetValue(f.Id, defaultValue: true)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var feature in manifest.Features.Where(f => enabled.Contains(f.Id)))
        {
            var missing = feature.Dependencies.FirstOrDefault(d => !enabled.Contains(d));
            if (missing is not null)
            {
                throw new InvalidOperationException(
                    $"The feature {feature.Id} is on but depends on {missing}, which is off. Set {SectionName}:{missing}=true, or {SectionName}:{feature.Id}=false.");
            }
        }

        return new EnabledFeatures(manifest, enabled);
    }
}
